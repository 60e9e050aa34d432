package org.rapport.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the store, one service per bundle, once that bundle's
 * {@value Store#MIGRATIONS_HEADER} migrations have been applied successfully; unregistered when
 * that bundle stops. It is never registered for a bundle whose migration failed.
 *
 * <p>A feature component that uses its bundle's tables waits for it with a mandatory
 * reference filtered on {@value #BUNDLE}:
 *
 * <pre>
 * &#64;Reference(target = "(bundle=org.rapport.records)")
 * SchemaReady schema;
 * </pre>
 *
 * @since 0.1
 */
@ProviderType
public interface SchemaReady {

    /** Service property: the symbolic name of the migrated bundle. */
    String BUNDLE = "bundle";

    /** Service property: the schema version after migration (e.g. {@code "3"}). */
    String SCHEMA_VERSION = "schema.version";

    /** The symbolic name of the migrated bundle. */
    String bundle();

    /** The bundle's schema version after migration, or an empty string when it has none. */
    String schemaVersion();
}

/**
 * Rapport's persistence platform: one pooled {@link javax.sql.DataSource}, {@link Store} (Jdbi
 * plus transactions with a transactional event outbox), per-bundle schema migrations declared
 * with the {@value Store#MIGRATIONS_HEADER} manifest header, {@link SchemaReady} services to
 * wait for a bundle's schema, and {@link MigrationStatus} for health reporting.
 *
 * @since 0.1
 */
@org.osgi.annotation.versioning.Version("0.3.0")
@org.osgi.annotation.bundle.Export
package org.rapport.store;

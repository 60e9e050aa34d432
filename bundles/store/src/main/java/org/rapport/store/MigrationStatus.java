package org.rapport.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Service reporting the outcome of the schema migrations of each bundle carrying a
 * {@value Store#MIGRATIONS_HEADER} header, for health endpoints.
 *
 * @since 0.1
 */
@ProviderType
public interface MigrationStatus {

    /** The state of one bundle's migrations. */
    enum State {
        /** Migrations are waiting or running. */
        PENDING,
        /** All scripts applied. */
        OK,
        /** A script failed; the bundle's schema stays at {@link BundleMigration#version()}. */
        FAILED
    }

    /**
     * The last known migration outcome of one bundle.
     *
     * @param bundle the bundle symbolic name
     * @param historyTable the Flyway history table of the bundle
     * @param version the schema version now in the database (empty when none)
     * @param state the state
     * @param message what failed (script and reason) when {@code FAILED}, otherwise a summary
     * @param at when the state was recorded
     */
    record BundleMigration(
            String bundle, String historyTable, String version, State state, String message, Instant at) {}

    /** All bundles seen, sorted by symbolic name. */
    List<BundleMigration> bundles();

    /** The outcome for one bundle, if it has been seen. */
    Optional<BundleMigration> bundle(String symbolicName);

    /** True when no bundle's migration is in the {@code FAILED} state. */
    default boolean healthy() {
        return bundles().stream().noneMatch(b -> b.state() == State.FAILED);
    }
}

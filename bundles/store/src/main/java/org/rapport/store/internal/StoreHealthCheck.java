package org.rapport.store.internal;

import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.rapport.health.Health;
import org.rapport.health.HealthCheck;
import org.rapport.store.MigrationStatus;
import org.rapport.store.MigrationStatus.BundleMigration;
import org.rapport.store.MigrationStatus.State;
import org.rapport.store.Store;

/**
 * The {@code store} section of /health: DOWN while there is no database connection pool or when
 * the store's own schema failed to migrate; DEGRADED when a feature bundle's migration failed
 * (that bundle cannot work, the rest can). Answers from state, no I/O.
 */
@Component
public final class StoreHealthCheck implements HealthCheck {

    private final MigrationStatus migrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Store store;

    @Activate
    public StoreHealthCheck(@Reference MigrationStatus migrations) {
        this.migrations = migrations;
    }

    @Override
    public String name() {
        return "store";
    }

    @Override
    public Health check() {
        List<BundleMigration> all = migrations.bundles();
        List<String> failed = all.stream()
                .filter(m -> m.state() == State.FAILED)
                .map(m -> m.bundle() + " schema stuck at version " + (m.version() == null || m.version().isEmpty() ? "none" : m.version())
                        + ": " + m.message())
                .toList();
        Map<String, Object> versions = new java.util.TreeMap<>();
        all.forEach(m -> versions.put(m.bundle(), m.state() + (m.version() == null || m.version().isEmpty() ? "" : " v" + m.version())));
        Health health;
        if (store == null) {
            health = Health.down("no database connection pool (see the log for why)", failed);
        } else if (all.stream().anyMatch(m -> m.bundle().equals("org.rapport.store") && m.state() == State.FAILED)) {
            health = Health.down("the store's own schema failed to migrate", failed);
        } else if (!failed.isEmpty()) {
            health = Health.degraded(failed.size() + " bundle(s) failed to migrate", failed);
        } else {
            health = Health.up(all.size() + " schema(s) migrated");
        }
        return health.withDetails(Map.of("schemas", versions));
    }
}

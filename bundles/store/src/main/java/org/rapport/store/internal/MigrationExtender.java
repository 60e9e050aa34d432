package org.rapport.store.internal;

import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.BundleTracker;
import org.rapport.store.MigrationStatus.BundleMigration;
import org.rapport.store.MigrationStatus.State;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrations extender: for every starting or active bundle with a
 * {@value Store#MIGRATIONS_HEADER} header it applies the bundle's scripts on the store thread,
 * records the outcome and, on success, registers that bundle's {@link SchemaReady} service
 * until the bundle stops.
 */
final class MigrationExtender extends BundleTracker<MigrationExtender.Tracked> {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationExtender.class);

    private final BundleContext context;
    private final Migrator migrator;
    private final MigrationRegistry registry;
    private final Executor executor;
    private Tracked own;

    MigrationExtender(
            BundleContext context, Migrator migrator, MigrationRegistry registry, Executor executor) {
        super(context, Bundle.STARTING | Bundle.ACTIVE, null);
        this.context = context;
        this.migrator = migrator;
        this.registry = registry;
        this.executor = executor;
    }

    /** Migrates the store's own bundle now, on the calling thread. */
    BundleMigration migrateOwnBundle() {
        Bundle bundle = context.getBundle();
        String folder = BundleScripts.folder(bundle);
        own = new Tracked(bundle, folder == null ? "" : folder);
        return migrate(own);
    }

    @Override
    public Tracked addingBundle(Bundle bundle, BundleEvent event) {
        if (bundle.getBundleId() == context.getBundle().getBundleId()) {
            return null;
        }
        String folder = BundleScripts.folder(bundle);
        if (folder == null) {
            return null;
        }
        Tracked tracked = new Tracked(bundle, folder);
        String bsn = tracked.symbolicName;
        registry.record(new BundleMigration(bsn, Migrator.historyTable(bsn), "", State.PENDING,
                "waiting", Instant.now()));
        try {
            executor.execute(() -> migrate(tracked));
        } catch (RejectedExecutionException e) {
            return null; // the store is stopping
        }
        return tracked;
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
        tracked.close();
        registry.forget(tracked.symbolicName);
    }

    @Override
    public void close() {
        super.close();
        if (own != null) {
            own.close();
            registry.forget(own.symbolicName);
        }
    }

    private BundleMigration migrate(Tracked tracked) {
        if (tracked.isClosed()) {
            return null;
        }
        String bsn = tracked.symbolicName;
        String location = bsn + "/" + tracked.folder;
        BundleMigration outcome;
        try {
            outcome = migrator.migrate(bsn, Migrator.historyTable(bsn), location,
                    BundleScripts.scripts(tracked.bundle, tracked.folder));
        } catch (RuntimeException | LinkageError e) { // e.g. the bundle was uninstalled meanwhile
            LOG.error("Schema migration failed: bundle {}, script (none), reason: {}", bsn, e.toString());
            outcome = new BundleMigration(bsn, Migrator.historyTable(bsn), "", State.FAILED,
                    e.toString(), Instant.now());
        }
        if (tracked.isClosed()) {
            return outcome;
        }
        registry.record(outcome);
        if (outcome.state() == State.OK) {
            tracked.ready(context, outcome.version());
        }
        return outcome;
    }

    /** A bundle with migrations and, once they succeeded, its SchemaReady registration. */
    static final class Tracked {
        final Bundle bundle;
        final String symbolicName;
        final String folder;
        private ServiceRegistration<SchemaReady> ready;
        private boolean closed;

        Tracked(Bundle bundle, String folder) {
            this.bundle = bundle;
            this.symbolicName = String.valueOf(bundle.getSymbolicName());
            this.folder = folder;
        }

        synchronized boolean isClosed() {
            return closed;
        }

        void ready(BundleContext context, String version) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(SchemaReady.BUNDLE, symbolicName);
            props.put(SchemaReady.SCHEMA_VERSION, version);
            props.put("bundle.id", bundle.getBundleId());
            ServiceRegistration<SchemaReady> registration;
            try {
                registration = context.registerService(
                        SchemaReady.class, new SchemaReadyImpl(symbolicName, version), props);
            } catch (IllegalStateException e) {
                return; // the store bundle is stopping
            }
            synchronized (this) {
                if (!closed) {
                    ready = registration;
                    return;
                }
            }
            unregister(registration);
        }

        void close() {
            ServiceRegistration<SchemaReady> registration;
            synchronized (this) {
                closed = true;
                registration = ready;
                ready = null;
            }
            if (registration != null) {
                unregister(registration);
            }
        }

        private static void unregister(ServiceRegistration<?> registration) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone
            }
        }
    }
}

package org.rapport.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jdbc.DataSourceFactory;
import org.rapport.store.MigrationStatus.BundleMigration;
import org.rapport.store.MigrationStatus.State;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that lives as long as one connection pool: the pool, Jdbi, the outbox, the
 * DataSource and Store services, the migrations extender and the republish schedule. Started
 * and closed on the store thread only.
 */
final class StoreRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRuntime.class);
    private static final long PURGE_EVERY_MS = TimeUnit.HOURS.toMillis(1);

    private final HikariDataSource pool;
    private final EventOutbox outbox;
    private final Duration retention;
    private final MigrationExtender extender;
    private ServiceRegistration<DataSource> dataSourceRegistration;
    private ServiceRegistration<Store> storeRegistration;
    private ScheduledFuture<?> republishing;
    private long lastPurge;

    private StoreRuntime(
            HikariDataSource pool, EventOutbox outbox, Duration retention, MigrationExtender extender) {
        this.pool = pool;
        this.outbox = outbox;
        this.retention = retention;
        this.extender = extender;
    }

    /**
     * Opens the pool on {@code factory}, migrates the store's own tables, registers the services
     * and starts migrating other bundles.
     */
    static StoreRuntime start(
            BundleContext context,
            StoreSettings settings,
            StoreConfig config,
            DataSourceFactory factory,
            MigrationRegistry registry,
            EventOutbox.Publisher publisher,
            ScheduledExecutorService executor)
            throws SQLException {
        HikariDataSource pool = pool(factory, settings);
        StoreRuntime runtime;
        try {
            Jdbi jdbi = Jdbi.create(pool);
            EventOutbox outbox = new EventOutbox(jdbi, publisher);
            MigrationExtender extender =
                    new MigrationExtender(context, new Migrator(pool), registry, executor);
            runtime = new StoreRuntime(pool, outbox,
                    Duration.ofDays(Math.max(1, config.eventRetentionDays())), extender);

            BundleMigration own = extender.migrateOwnBundle();
            if (own.state() != State.OK) {
                LOG.error("The store's own tables are not migrated; emitting events will fail");
            }
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("store.type", settings.type());
            props.put(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, settings.driverClass());
            runtime.dataSourceRegistration = context.registerService(DataSource.class, pool, props);
            runtime.storeRegistration =
                    context.registerService(Store.class, new StoreImpl(jdbi, outbox), props);
            extender.open();
            long every = Math.max(1, config.republishIntervalSeconds());
            runtime.republishing =
                    executor.scheduleWithFixedDelay(runtime::maintain, 0, every, TimeUnit.SECONDS);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
        LOG.info("Store started on {}", settings);
        return runtime;
    }

    /** A Hikari pool over a DataSource made by the driver's DataSourceFactory. */
    static HikariDataSource pool(DataSourceFactory factory, StoreSettings settings)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty(DataSourceFactory.JDBC_URL, settings.url());
        if (!settings.user().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_USER, settings.user());
        }
        if (!settings.password().isEmpty()) {
            props.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
        }
        DataSource raw = factory.createDataSource(props);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("rapport-store");
        hikari.setDataSource(raw);
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setMinimumIdle(Math.min(2, settings.poolSize()));
        hikari.setConnectionTimeout(settings.connectionTimeoutMs());
        hikari.setAutoCommit(true);
        return new HikariDataSource(hikari);
    }

    /** Republishes waiting events (runs on the store thread). */
    void republish() {
        try {
            outbox.republishPending();
        } catch (RuntimeException e) {
            LOG.warn("Republishing stored events failed: {}", e.toString());
        }
    }

    private void maintain() {
        republish();
        long now = System.currentTimeMillis();
        if (now - lastPurge >= PURGE_EVERY_MS) {
            lastPurge = now;
            try {
                int purged = outbox.purgePublished(Instant.now().minus(retention));
                if (purged > 0) {
                    LOG.info("Purged {} published event(s) older than {}", purged, retention);
                }
            } catch (RuntimeException e) {
                LOG.warn("Purging published events failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        if (republishing != null) {
            republishing.cancel(false);
        }
        extender.close();
        unregister(storeRegistration);
        unregister(dataSourceRegistration);
        pool.close();
        LOG.info("Store stopped");
    }

    private static void unregister(ServiceRegistration<?> registration) {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already unregistered with the bundle
            }
        }
    }
}

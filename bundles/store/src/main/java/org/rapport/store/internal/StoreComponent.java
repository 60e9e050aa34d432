package org.rapport.store.internal;

import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.store.MigrationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store component: tracks the JDBC drivers' DataSourceFactory services and runs one
 * {@link StoreRuntime} on the factory matching the configured type. All starting, stopping,
 * migrating and republishing happens on one "rapport-store" thread, so activation returns at
 * once and nothing races. A changed configuration re-creates everything (deactivate/activate).
 */
@Component(
        name = StoreComponent.PID,
        configurationPid = StoreComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true,
        service = {})
@Designate(ocd = StoreConfig.class)
public final class StoreComponent {

    static final String PID = "org.rapport.store";
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);
    private static final long RETRY_SECONDS = 15;

    private final Map<DataSourceFactory, String> factories = new ConcurrentHashMap<>();
    private final MigrationRegistry registry = new MigrationRegistry();
    private volatile EventAdmin eventAdmin;
    private volatile ScheduledExecutorService executor;

    private BundleContext context;
    private StoreConfig config;
    private StoreSettings settings;
    private ServiceRegistration<MigrationStatus> statusRegistration;
    private ScheduledExecutorService storeThread;

    // confined to the store thread
    private StoreRuntime runtime;
    private DataSourceFactory runtimeFactory;
    private ScheduledFuture<?> retry;

    @Activate
    void activate(BundleContext context, StoreConfig config) {
        this.context = context;
        this.config = config;
        this.settings = StoreSettings.of(config, context.getProperty("rapport.data"));
        this.statusRegistration = context.registerService(MigrationStatus.class, registry, null);
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rapport-store");
            t.setDaemon(true);
            return t;
        });
        this.storeThread = ex;
        this.executor = ex;
        submit(this::reconcile);
    }

    @Deactivate
    void deactivate() {
        ScheduledExecutorService ex = executor;
        executor = null;
        ex.execute(this::stopRuntime);
        ex.shutdown();
        try {
            if (!ex.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The store thread did not stop within 30 s");
                ex.shutdownNow();
            }
        } catch (InterruptedException e) {
            ex.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            statusRegistration.unregister();
        } catch (IllegalStateException e) {
            // already gone
        }
    }

    @Reference(
            service = DataSourceFactory.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addDataSourceFactory(DataSourceFactory factory, Map<String, Object> props) {
        factories.put(factory, String.valueOf(props.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)));
        submit(this::reconcile);
    }

    void removeDataSourceFactory(DataSourceFactory factory, Map<String, Object> props) {
        factories.remove(factory);
        submit(this::reconcile);
    }

    @Reference(
            service = EventAdmin.class,
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(EventAdmin admin) {
        eventAdmin = admin;
        submit(() -> {
            if (runtime != null) {
                runtime.republish();
            }
        });
    }

    void unsetEventAdmin(EventAdmin admin) {
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }

    /** Posts an event to EventAdmin; false (the row waits) when there is none. */
    private boolean post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin == null) {
            return false;
        }
        admin.postEvent(new Event(topic, properties));
        return true;
    }

    private void submit(Runnable task) {
        ScheduledExecutorService ex = executor;
        if (ex == null) {
            return; // not active yet (activate reconciles) or stopping
        }
        try {
            ex.execute(task);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** Starts, stops or restarts the runtime so it runs on the matching factory, if any. */
    private void reconcile() {
        DataSourceFactory wanted = null;
        for (Map.Entry<DataSourceFactory, String> e : factories.entrySet()) {
            if (settings.driverClass().equals(e.getValue())) {
                wanted = e.getKey();
                break;
            }
        }
        if (runtime != null && !Objects.equals(runtimeFactory, wanted)) {
            stopRuntime();
        }
        if (runtime != null) {
            return;
        }
        if (wanted == null) {
            LOG.info("Store waiting for a DataSourceFactory with {}={}",
                    DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, settings.driverClass());
            return;
        }
        try {
            runtime = StoreRuntime.start(context, settings, config, wanted, registry, this::post,
                    storeThread);
            runtimeFactory = wanted;
        } catch (SQLException | RuntimeException e) {
            LOG.error("Store cannot start on {}: {}; retrying in {} s", settings, e.toString(),
                    RETRY_SECONDS);
            scheduleRetry();
        } catch (LinkageError e) { // a broken deployment: say so loudly, retrying will not help
            LOG.error("Store cannot start on {}", settings, e);
        }
    }

    private void scheduleRetry() {
        if (executor == null || (retry != null && !retry.isDone())) {
            return;
        }
        try {
            retry = storeThread.schedule(this::reconcile, RETRY_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void stopRuntime() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        if (runtime != null) {
            try {
                runtime.close();
            } catch (RuntimeException e) {
                LOG.warn("Stopping the store failed: {}", e.toString());
            }
            runtime = null;
            runtimeFactory = null;
        }
    }
}

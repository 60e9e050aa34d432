package org.rapport.demo.internal;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rapport.accounts.Accounts;
import org.rapport.demo.internal.world.World;
import org.rapport.demo.internal.world.WorldGenerator;
import org.rapport.health.HealthCheck;
import org.rapport.records.InvalidRecordException;
import org.rapport.records.Records;
import org.rapport.records.RegistrationNumbers;
import org.rapport.security.StaffDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In demo mode (framework property {@value #DEMO_PROPERTY}{@code =true}) loads the generated demo world into empty
 * records on one background thread, and reports its progress as the {@code demo} health check. Outside demo mode it
 * does nothing and registers nothing.
 */
@Component(immediate = true)
public final class DemoLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    /** The framework property that turns demo mode on. */
    static final String DEMO_PROPERTY = "rapport.demo";
    /** The world's seed: every demo server shows the same companies (dated relative to today). */
    static final long SEED = 2026;

    /** How long a stopping load gets to notice the stop between two writes before it is interrupted. */
    private static final long STOP_GRACE_MS = 2_000;
    /** How long to wait for the interrupted load thread before giving up on it. */
    private static final long INTERRUPT_WAIT_MS = 5_000;

    private final WorldLoader loader;
    private final int companies;
    private final LoadProgress progress;
    private final ServiceRegistration<HealthCheck> registration;
    private final Thread thread;
    private volatile boolean stopping;

    @Activate
    public DemoLoader(@Reference Records records, @Reference Accounts accounts, @Reference StaffDirectory staff,
            BundleContext context) {
        this(records, accounts, staff, context, WorldGenerator.DEFAULT_COMPANIES);
    }

    DemoLoader(Records records, Accounts accounts, StaffDirectory staff, BundleContext context, int companies) {
        this.loader = new WorldLoader(records, accounts, staff, () -> stopping);
        this.companies = companies;
        if (!"true".equalsIgnoreCase(context.getProperty(DEMO_PROPERTY))) {
            this.progress = null;
            this.registration = null;
            this.thread = null;
            return;
        }
        this.progress = new LoadProgress(companies);
        this.registration = context.registerService(HealthCheck.class, progress, null);
        this.thread = new Thread(this::run, "rapport-demo-loader");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        if (thread != null) {
            try {
                thread.join(STOP_GRACE_MS);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(INTERRUPT_WAIT_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warn("The demo loader did not stop within {} ms; leaving it", STOP_GRACE_MS + INTERRUPT_WAIT_MS);
            }
        }
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping and the framework took it down already
            }
        }
    }

    /** Whether the background load is still running (for tests). */
    boolean running() {
        return thread != null && thread.isAlive();
    }

    /** The health check, or {@code null} outside demo mode (for tests). */
    LoadProgress progress() {
        return progress;
    }

    private void run() {
        long start = System.nanoTime();
        try {
            long clients = loader.clients();
            if (clients > 0) {
                LOG.info("Demo world already present ({} clients); not loading it again", clients);
                progress.alreadyPresent(clients);
                return;
            }
            LOG.info("Demo mode: loading the demo world ({} companies, seed {}) in the background", companies, SEED);
            World world = WorldGenerator.generate(SEED, companies, LocalDate.now(), RegistrationNumbers::complete);
            LoadCounts counts = loader.load(world, progress);
            progress.finished(counts);
            LOG.info("Demo world loaded: {} in {} s", counts, seconds(start));
        } catch (WorldLoader.Stopped e) {
            LOG.info("Demo world loading stopped after {} s; delete the data directory to load it afresh",
                    seconds(start));
        } catch (RuntimeException | Error e) {
            if (stopping) {
                LOG.info("Demo world loading stopped after {} s ({}); delete the data directory to load it afresh",
                        seconds(start), e.getClass().getSimpleName());
                return;
            }
            String reason = describe(e);
            progress.failed(reason);
            LOG.error("Demo world loading failed after {} s: {}", seconds(start), reason);
        }
    }

    /**
     * What went wrong, without the exception's message: those of invalid input and of failed statements can carry
     * the record's values (names, e-mail addresses, phone numbers).
     */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof InvalidRecordException invalid) {
            text.append(" on ").append(invalid.fields().keySet().stream().sorted().collect(Collectors.joining(", ")));
        } else if (e instanceof IllegalArgumentException && e.getCause() == null) {
            text.append(" (invalid input)");
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            text.append(", caused by ").append(root.getClass().getSimpleName());
        }
        return text.toString();
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}

package org.rapport.accounts.internal;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account bundle's one background thread: recomputes clients named by records events
 * (coalesced, shortly after the change) and runs the scheduled full recomputation and
 * rebalancing at the configured cron times.
 */
final class BackgroundWork {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
    private static final long COALESCE_MS = 200;

    private final AccountsService service;
    private final ScheduledExecutorService executor;
    private final CronExpression cron;
    private final Map<Long, Boolean> pending = new LinkedHashMap<>();
    private boolean drainScheduled;

    private BackgroundWork(AccountsService service, CronExpression cron) {
        this.service = service;
        this.cron = cron;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rapport-accounts");
            t.setDaemon(true);
            return t;
        });
    }

    static BackgroundWork start(AccountsService service, String cronText) {
        CronExpression cron = null;
        try {
            cron = new CronExpression(cronText);
        } catch (java.text.ParseException e) {
            LOG.error("Scoring schedule '{}' is not a cron expression ({}); scheduled recomputation is off", cronText, e.getMessage());
        }
        BackgroundWork work = new BackgroundWork(service, cron);
        work.scheduleNext();
        return work;
    }

    /** Queues a client for recomputation (and assignment when {@code assign}). */
    synchronized void enqueue(long clientId, boolean assign) {
        pending.merge(clientId, assign, Boolean::logicalOr);
        if (!drainScheduled) {
            drainScheduled = true;
            executor.schedule(this::drain, COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void drain() {
        Map<Long, Boolean> batch;
        synchronized (this) {
            batch = new LinkedHashMap<>(pending);
            pending.clear();
            drainScheduled = false;
        }
        try {
            service.process(batch);
        } catch (RuntimeException e) {
            LOG.warn("Updating the accounts of {} clients failed: {}", batch.size(), e.toString());
        }
    }

    private void scheduleNext() {
        if (cron == null || executor.isShutdown()) {
            return;
        }
        Date next = cron.getNextValidTimeAfter(new Date());
        if (next == null) {
            return;
        }
        long delay = Math.max(0, next.getTime() - System.currentTimeMillis());
        executor.schedule(this::scheduledRun, delay, TimeUnit.MILLISECONDS);
        LOG.debug("Next scheduled scoring at {}", ZonedDateTime.ofInstant(next.toInstant(), java.time.ZoneId.systemDefault()));
    }

    private void scheduledRun() {
        try {
            long start = System.nanoTime();
            int count = service.recomputeAll();
            service.rebalance(org.rapport.security.Principal.SYSTEM);
            LOG.info("Scheduled scoring: {} clients in {} ms", count, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Scheduled scoring failed: {}", e.toString());
        } finally {
            scheduleNext();
        }
    }

    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

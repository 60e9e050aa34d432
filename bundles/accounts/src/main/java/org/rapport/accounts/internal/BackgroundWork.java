package org.rapport.accounts.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account bundle's one background thread: recomputes clients named by records events
 * (coalesced, shortly after the change; an import's clients once the import has finished), scores
 * clients that have no score yet once at start (an import cut off by a restart), and runs the
 * scheduled full recomputation and rebalancing at the configured cron times.
 */
final class BackgroundWork {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);
    private static final long COALESCE_MS = 200;
    /** How long an import may send no batch before its held clients are scored anyway (its end was never announced). */
    static final long STALE_IMPORT_MS = 10 * 60_000;
    private static final long STALE_CHECK_MS = 60_000;
    /** Delay of the start-up scoring of clients without a score, so the bundle's start is not slowed. */
    static final Duration CATCH_UP_DELAY = Duration.ofSeconds(5);

    private final AccountsService service;
    private final ScheduledExecutorService executor;
    private final CronExpression cron;
    private final Map<Long, Boolean> pending = new LinkedHashMap<>();
    private final ImportDeferral imports = new ImportDeferral(System::nanoTime, TimeUnit.MILLISECONDS.toNanos(STALE_IMPORT_MS));
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

    /**
     * Starts the thread.
     *
     * @param catchUpDelay when to score the clients without a score
     */
    static BackgroundWork start(AccountsService service, String cronText, Duration catchUpDelay) {
        CronExpression cron = null;
        try {
            cron = new CronExpression(cronText);
        } catch (java.text.ParseException e) {
            LOG.error("Scoring schedule '{}' is not a cron expression ({}); scheduled recomputation is off", cronText, e.getMessage());
        }
        BackgroundWork work = new BackgroundWork(service, cron);
        work.scheduleNext();
        work.executor.schedule(work::catchUp, catchUpDelay.toMillis(), TimeUnit.MILLISECONDS);
        work.executor.scheduleWithFixedDelay(work::releaseStale, STALE_CHECK_MS, STALE_CHECK_MS, TimeUnit.MILLISECONDS);
        return work;
    }

    /** A batch of an import job: held until no import runs any more, or queued now when its job has already finished. */
    void imported(String jobId, List<Long> clientIds) {
        if (!imports.hold(jobId, clientIds.size())) {
            clientIds.forEach(id -> enqueue(id, true));
        }
    }

    /** An import job has finished: once no other runs, the clients without a score (its new ones) are assigned and scored. */
    void importFinished(String jobId) {
        if (imports.finish(jobId)) {
            LOG.debug("Import {} finished: scoring the clients without a score", jobId);
            executor.execute(this::catchUp);
        }
    }

    /** Clients held back for running imports. */
    long held() {
        return imports.size();
    }

    private void releaseStale() {
        if (imports.releaseStale()) {
            LOG.info("An import sent no batch and no end for {} min: scoring the clients without a score", STALE_IMPORT_MS / 60_000);
            catchUp();
        }
    }

    /**
     * Scores the clients without a score, unless an import runs (its new clients are among them,
     * and its end starts this again); stops between pages when an import starts.
     */
    private void catchUp() {
        if (imports.running()) {
            return;
        }
        try {
            int scored = service.scoreUnscored(imports::running);
            if (scored > 0) {
                LOG.info("Scored {} clients that had no score yet", scored);
            }
        } catch (RuntimeException e) {
            LOG.warn("Scoring the clients without a score failed: {}", e.toString());
        }
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

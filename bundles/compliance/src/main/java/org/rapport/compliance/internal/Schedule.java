package org.rapport.compliance.internal;

import java.text.ParseException;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread running a task at the times of a Quartz cron expression (seconds first, e.g.
 * {@code 0 30 3 * * ?}), and any other work handed to it; {@link #stop()} ends it. An invalid
 * expression is logged and nothing is scheduled (the thread still runs handed-over work).
 */
public final class Schedule {
    private static final Logger LOG = LoggerFactory.getLogger(Schedule.class);

    private final ScheduledExecutorService executor;
    private final CronExpression cron;
    private final Runnable task;
    private final String what;

    private Schedule(String name, String what, CronExpression cron, Runnable task) {
        this.what = what;
        this.cron = cron;
        this.task = task;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a schedule; {@code cronText} blank means no scheduled runs. */
    public static Schedule start(String threadName, String what, String cronText, Runnable task) {
        CronExpression cron = null;
        if (cronText != null && !cronText.isBlank()) {
            try {
                cron = new CronExpression(cronText.strip());
            } catch (ParseException e) {
                LOG.error("The {} schedule '{}' is not a cron expression ({}); it will not run on its own", what, cronText, e.getMessage());
            }
        }
        Schedule schedule = new Schedule(threadName, what, cron, task);
        schedule.scheduleNext();
        return schedule;
    }

    /** Whether a text is a valid cron expression. */
    public static boolean valid(String cronText) {
        return CronExpression.isValidExpression(cronText);
    }

    /** Runs {@code work} on this schedule's thread, after whatever it is doing. */
    public void submit(Runnable work) {
        executor.execute(work);
    }

    private void scheduleNext() {
        if (cron == null || executor.isShutdown()) {
            return;
        }
        Date next = cron.getNextValidTimeAfter(new Date());
        if (next != null) {
            executor.schedule(this::runScheduled, Math.max(0, next.getTime() - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private void runScheduled() {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("The scheduled {} failed: {}", what, e.toString());
        } finally {
            scheduleNext();
        }
    }

    public void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

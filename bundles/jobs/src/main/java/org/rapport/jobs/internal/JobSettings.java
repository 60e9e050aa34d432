package org.rapport.jobs.internal;

import java.time.Duration;

/**
 * The jobs executor's settings, checked and clamped from {@link JobsConfig}.
 *
 * @param threads how many jobs run at once (1 to 32)
 * @param retention how long finished jobs are kept
 * @param shutdownGrace how long running jobs get to return when the service stops
 * @param flushInterval how often the progress of running jobs is written to the database
 */
record JobSettings(int threads, Duration retention, Duration shutdownGrace, Duration flushInterval) {

    static final int MAX_THREADS = 32;
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(300);

    JobSettings {
        threads = Math.max(1, Math.min(MAX_THREADS, threads));
        if (retention.isNegative() || retention.isZero()) {
            retention = Duration.ofDays(1);
        }
        if (shutdownGrace.isNegative()) {
            shutdownGrace = Duration.ZERO;
        }
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            flushInterval = FLUSH_INTERVAL;
        }
    }

    static JobSettings of(JobsConfig config) {
        return new JobSettings(config.threads(), Duration.ofDays(Math.max(1, config.retentionDays())),
                Duration.ofSeconds(Math.max(0, Math.min(60, config.shutdownGraceSeconds()))), FLUSH_INTERVAL);
    }

    static JobSettings defaults() {
        return new JobSettings(2, Duration.ofDays(30), Duration.ofSeconds(5), FLUSH_INTERVAL);
    }

    JobSettings withThreads(int count) {
        return new JobSettings(count, retention, shutdownGrace, flushInterval);
    }

    JobSettings withShutdownGrace(Duration grace) {
        return new JobSettings(threads, retention, grace, flushInterval);
    }
}

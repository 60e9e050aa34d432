package org.rapport.compliance.internal.retention;

import java.time.Instant;

/**
 * One run of the retention rules.
 *
 * @param id the run's id
 * @param startedAt when it started
 * @param finishedAt when it finished, or {@code null} while running
 * @param trigger {@code schedule} or the name of who started it
 * @param ok whether every rule ran, or {@code null} while running
 * @param affected records deleted or anonymised
 * @param report JSON: per rule the cutoff, action, count or error
 */
public record RetentionRun(long id, Instant startedAt, Instant finishedAt, String trigger, Boolean ok, long affected, String report) {
}

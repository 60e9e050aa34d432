package org.rapport.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job's state as recorded.
 *
 * @param id the job's id (opaque, URL-safe)
 * @param type the job type
 * @param title the job title
 * @param state the state
 * @param total expected items, {@code -1} when unknown
 * @param done items done
 * @param counts named counts
 * @param errors the first {@link #MAX_ERRORS} item errors
 * @param errorCount how many item errors there were in all
 * @param result the result map, empty until set
 * @param message why it failed, or a summary
 * @param ownerId the submitting staff user
 * @param ownerName the submitting user's name
 * @param createdAt when it was submitted
 * @param startedAt when it started, or {@code null}
 * @param finishedAt when it finished, or {@code null}
 * @since 0.1
 */
public record JobInfo(String id, String type, String title, State state, long total, long done,
        Map<String, Long> counts, List<JobError> errors, long errorCount, Map<String, Object> result,
        String message, long ownerId, String ownerName, Instant createdAt, Instant startedAt,
        Instant finishedAt) {

    /** How many item errors are kept with a job. */
    public static final int MAX_ERRORS = 1000;

    public JobInfo {
        counts = Map.copyOf(counts);
        errors = List.copyOf(errors);
        result = Map.copyOf(result);
    }

    /** A job's state. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED;

        /** True for the states a job ends in. */
        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /**
     * One item's problem.
     *
     * @param item the item position (e.g. CSV line), 0 when not applicable
     * @param field the field, or {@code null}
     * @param message what is wrong
     */
    public record JobError(long item, String field, String message) {}
}

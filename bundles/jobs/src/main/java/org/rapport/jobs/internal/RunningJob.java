package org.rapport.jobs.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.rapport.jobs.JobContext;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobInfo.JobError;
import org.rapport.jobs.JobInfo.State;
import org.rapport.jobs.JobRequest;
import org.rapport.jobs.JobWork;

/**
 * A submitted job's live state in memory, from QUEUED until it has finished and been written:
 * the {@link JobContext} its work reports through. Reporting only changes memory (cheap, thread
 * safe); {@link JobManager} writes changed state to the database every few hundred milliseconds
 * and once at the end.
 */
final class RunningJob implements JobContext {
    /** At most this many distinct count names per job. */
    static final int MAX_COUNT_NAMES = 100;
    static final int MAX_COUNT_NAME_LENGTH = 100;
    static final int MAX_ERROR_MESSAGE_LENGTH = 1000;
    static final int MAX_ERROR_FIELD_LENGTH = 200;

    /** What a cancel request found. */
    enum CancelOutcome {
        /** The job had already finished: nothing to do. */
        FINISHED,
        /** The job was waiting: it is now CANCELLED and will not run. */
        DEQUEUED,
        /** The job is running: its work will see {@link JobContext#cancelled()}. */
        SIGNALLED
    }

    /** A snapshot to write and the version it reflects. */
    record Pending(long version, JobInfo info) {
    }

    private final String id;
    private final JobRequest request;
    private final Instant createdAt;
    private final JobWork work;
    private final BooleanSupplier stopping;

    private State state = State.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private long total = -1;
    private long done;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<JobError> errors = new ArrayList<>();
    private long errorCount;
    private Map<String, Object> result = Map.of();
    private String message;
    private long version;
    private long writtenVersion;

    private volatile boolean cancelRequested;
    private volatile boolean cancelSeen;

    /**
     * @param stopping true once the jobs service is stopping (every job counts as cancelled then)
     */
    RunningJob(String id, JobRequest request, Instant createdAt, JobWork work, BooleanSupplier stopping) {
        this.id = id;
        this.request = request;
        this.createdAt = createdAt;
        this.work = work;
        this.stopping = stopping;
    }

    // --- JobContext: what the work calls ---

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void total(long value) {
        total = value < 0 ? -1 : value;
        version++;
    }

    @Override
    public synchronized void progress(long value) {
        done = Math.max(0, value);
        version++;
    }

    @Override
    public void count(String name, long delta) {
        if (name == null || name.isBlank() || name.length() > MAX_COUNT_NAME_LENGTH) {
            throw new IllegalArgumentException("A count needs a name of 1 to " + MAX_COUNT_NAME_LENGTH + " characters");
        }
        synchronized (this) {
            if (!counts.containsKey(name) && counts.size() >= MAX_COUNT_NAMES) {
                throw new IllegalArgumentException("A job has at most " + MAX_COUNT_NAMES + " named counts");
            }
            counts.merge(name, delta, Long::sum);
            version++;
        }
    }

    @Override
    public synchronized void error(long item, String field, String text) {
        errorCount++;
        if (errors.size() < JobInfo.MAX_ERRORS) {
            errors.add(new JobError(item, truncate(field, MAX_ERROR_FIELD_LENGTH),
                    text == null ? "" : truncate(text, MAX_ERROR_MESSAGE_LENGTH)));
        }
        version++;
    }

    @Override
    public void result(Map<String, Object> value) {
        Map<String, Object> checked = JobJson.checkedResult(value);
        synchronized (this) {
            result = checked;
            version++;
        }
    }

    @Override
    public boolean cancelled() {
        boolean cancelled = cancelRequested || stopping.getAsBoolean();
        if (cancelled) {
            cancelSeen = true;
        }
        return cancelled;
    }

    // --- lifecycle: what JobManager calls ---

    JobWork work() {
        return work;
    }

    JobRequest request() {
        return request;
    }

    /** True when someone (not the service stopping) asked the job to stop. */
    boolean cancelRequested() {
        return cancelRequested;
    }

    /** True when the work has been told, through {@link #cancelled()}, that it should stop. */
    boolean cancelSeen() {
        return cancelSeen;
    }

    synchronized State state() {
        return state;
    }

    /** QUEUED → RUNNING; false when the job is no longer queued (cancelled or interrupted). */
    synchronized boolean begin(Instant now) {
        if (state != State.QUEUED) {
            return false;
        }
        state = State.RUNNING;
        startedAt = now;
        version++;
        return true;
    }

    /** Asks the job to stop; a queued job ends CANCELLED at once. */
    synchronized CancelOutcome requestCancel(Instant now) {
        if (state.finished()) {
            return CancelOutcome.FINISHED;
        }
        cancelRequested = true;
        if (state == State.QUEUED) {
            end(State.CANCELLED, "Cancelled before it started", now);
            return CancelOutcome.DEQUEUED;
        }
        return CancelOutcome.SIGNALLED;
    }

    /**
     * Ends the job in {@code finalState}. Returns the final snapshot to write, or {@code null}
     * when it had already ended (the first ending wins).
     */
    synchronized JobInfo end(State finalState, String text, Instant now) {
        if (state.finished()) {
            return null;
        }
        state = finalState;
        message = text;
        finishedAt = now;
        version++;
        return snapshot();
    }

    /** The state as it is now. */
    synchronized JobInfo snapshot() {
        return new JobInfo(id, request.type(), request.title(), state, total, done, counts, errors, errorCount, result,
                message, request.ownerId(), request.ownerName(), createdAt, startedAt, finishedAt);
    }

    /** The progress to write if it changed since the last write and the job is running, else {@code null}. */
    synchronized Pending pendingProgress() {
        if (state != State.RUNNING || version == writtenVersion) {
            return null;
        }
        return new Pending(version, snapshot());
    }

    /** Records that the state of {@code writtenUpTo} is in the database. */
    synchronized void written(long writtenUpTo) {
        writtenVersion = Math.max(writtenVersion, writtenUpTo);
    }

    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}

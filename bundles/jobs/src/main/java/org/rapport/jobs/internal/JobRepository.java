package org.rapport.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobInfo.State;

/**
 * SQL for the {@code job} table; every method runs on the caller's handle. State changes are
 * conditional ({@code QUEUED → RUNNING → finished}), so a late or concurrent write never moves a
 * job backwards or overwrites a finished one.
 */
final class JobRepository {
    private static final String COLUMNS = "id, type, title, state, total, done, counts, errors, error_count, result, "
            + "message, owner_id, owner_name, created_at, started_at, finished_at";
    private static final String UNFINISHED = "('" + State.QUEUED.name() + "', '" + State.RUNNING.name() + "')";

    private JobRepository() {
    }

    static void insert(Handle h, JobInfo job) {
        h.createUpdate("INSERT INTO job (" + COLUMNS + ") VALUES (:id, :type, :title, :state, :total, :done, :counts, "
                        + ":errors, :errorCount, :result, :message, :ownerId, :ownerName, :createdAt, :startedAt, :finishedAt)")
                .bind("id", job.id())
                .bind("type", job.type())
                .bind("title", job.title())
                .bind("state", job.state().name())
                .bind("total", job.total())
                .bind("done", job.done())
                .bind("counts", JobJson.write(job.counts()))
                .bind("errors", JobJson.write(job.errors()))
                .bind("errorCount", job.errorCount())
                .bind("result", JobJson.write(job.result()))
                .bind("message", job.message())
                .bind("ownerId", job.ownerId())
                .bind("ownerName", job.ownerName())
                .bind("createdAt", timestamp(job.createdAt()))
                .bind("startedAt", timestamp(job.startedAt()))
                .bind("finishedAt", timestamp(job.finishedAt()))
                .execute();
    }

    /** QUEUED → RUNNING; false when the job is no longer queued. */
    static boolean markRunning(Handle h, String id, Instant startedAt) {
        return h.createUpdate("UPDATE job SET state = :state, started_at = :startedAt WHERE id = :id AND state = :queued")
                .bind("state", State.RUNNING.name())
                .bind("startedAt", timestamp(startedAt))
                .bind("id", id)
                .bind("queued", State.QUEUED.name())
                .execute() == 1;
    }

    /** Writes the progress of a running job; false when it is no longer running in the database. */
    static boolean progress(Handle h, JobInfo job) {
        return h.createUpdate("UPDATE job SET total = :total, done = :done, counts = :counts, errors = :errors, "
                        + "error_count = :errorCount, result = :result WHERE id = :id AND state = :running")
                .bind("total", job.total())
                .bind("done", job.done())
                .bind("counts", JobJson.write(job.counts()))
                .bind("errors", JobJson.write(job.errors()))
                .bind("errorCount", job.errorCount())
                .bind("result", JobJson.write(job.result()))
                .bind("id", job.id())
                .bind("running", State.RUNNING.name())
                .execute() == 1;
    }

    /** Writes a job's final state; false when it had already finished in the database. */
    static boolean finish(Handle h, JobInfo job) {
        return h.createUpdate("UPDATE job SET state = :state, total = :total, done = :done, counts = :counts, "
                        + "errors = :errors, error_count = :errorCount, result = :result, message = :message, "
                        + "started_at = :startedAt, finished_at = :finishedAt WHERE id = :id AND state IN " + UNFINISHED)
                .bind("state", job.state().name())
                .bind("total", job.total())
                .bind("done", job.done())
                .bind("counts", JobJson.write(job.counts()))
                .bind("errors", JobJson.write(job.errors()))
                .bind("errorCount", job.errorCount())
                .bind("result", JobJson.write(job.result()))
                .bind("message", job.message())
                .bind("startedAt", timestamp(job.startedAt()))
                .bind("finishedAt", timestamp(job.finishedAt()))
                .bind("id", job.id())
                .execute() == 1;
    }

    static Optional<JobInfo> byId(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM job WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    /** The newest jobs first; {@code ownerId} 0 for everyone's. */
    static List<JobInfo> recent(Handle h, long ownerId, int limit) {
        if (ownerId == 0) {
            return h.createQuery("SELECT " + COLUMNS + " FROM job ORDER BY created_at DESC, id DESC LIMIT :limit")
                    .bind("limit", limit)
                    .map((rs, ctx) -> row(rs))
                    .list();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM job WHERE owner_id = :ownerId "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("ownerId", ownerId)
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** Ends every job still {@code state} with INTERRUPTED and {@code message}; returns how many. */
    static int interrupt(Handle h, State state, String message, Instant now) {
        return h.createUpdate("UPDATE job SET state = :interrupted, message = :message, finished_at = :now WHERE state = :state")
                .bind("interrupted", State.INTERRUPTED.name())
                .bind("message", message)
                .bind("now", timestamp(now))
                .bind("state", state.name())
                .execute();
    }

    /** Deletes finished jobs that finished before {@code cutoff}; returns how many. */
    static int deleteFinishedBefore(Handle h, Instant cutoff) {
        return h.createUpdate("DELETE FROM job WHERE finished_at < :cutoff AND state NOT IN " + UNFINISHED)
                .bind("cutoff", timestamp(cutoff))
                .execute();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static State state(String name) {
        try {
            return State.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return State.INTERRUPTED;
        }
    }

    private static JobInfo row(ResultSet rs) throws SQLException {
        return new JobInfo(rs.getString("id"), rs.getString("type"), rs.getString("title"), state(rs.getString("state")),
                rs.getLong("total"), rs.getLong("done"), JobJson.readCounts(rs.getString("counts")),
                JobJson.readErrors(rs.getString("errors")), rs.getLong("error_count"),
                JobJson.readResult(rs.getString("result")), rs.getString("message"), rs.getLong("owner_id"),
                rs.getString("owner_name"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }
}

package org.rapport.jobs;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs {@link JobWork} in the background and keeps each job's state in the database, so it can
 * be followed (and survives a restart as a record: a job that was running when the server stopped
 * is reported {@link JobInfo.State#INTERRUPTED}).
 *
 * @since 0.1
 */
@ProviderType
public interface Jobs {

    /**
     * Records a new job as {@link JobInfo.State#QUEUED} and runs {@code work} on the jobs
     * executor. Returns at once.
     *
     * @param request what the job is and who asked for it
     * @param work the work; it reports progress through its {@link JobContext}
     * @return the job as recorded
     */
    JobInfo submit(JobRequest request, JobWork work);

    /** The job with this id, if any. */
    Optional<JobInfo> job(String id);

    /**
     * The most recent jobs, newest first.
     *
     * @param ownerId only jobs of this staff user, or {@code 0} for everyone's
     * @param limit at most this many (1 to 500)
     */
    List<JobInfo> recent(long ownerId, int limit);

    /**
     * Asks a queued or running job to stop. The work sees {@link JobContext#cancelled()} and
     * should return; the job ends {@link JobInfo.State#CANCELLED}.
     *
     * @return false when the job is unknown or already finished
     */
    boolean cancel(String id);
}

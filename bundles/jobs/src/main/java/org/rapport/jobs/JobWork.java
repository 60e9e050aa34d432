package org.rapport.jobs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The body of a job. Returning normally ends the job {@link JobInfo.State#SUCCEEDED} (or
 * {@link JobInfo.State#CANCELLED} when it was cancelled); throwing ends it
 * {@link JobInfo.State#FAILED} with the exception's message.
 *
 * @since 0.1
 */
@ConsumerType
@FunctionalInterface
public interface JobWork {

    /** Does the work, reporting through {@code context}. */
    void run(JobContext context) throws Exception;
}

package org.rapport.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the jobs executor, PID {@value #PID}. */
@ObjectClassDefinition(id = JobsConfig.PID, name = "Rapport jobs",
        description = "The background jobs executor: threads, shutdown grace and how long finished jobs are kept")
public @interface JobsConfig {

    String PID = "org.rapport.jobs";

    @AttributeDefinition(name = "Threads", description = "How many jobs run at the same time; the others wait in order",
            min = "1", max = "32")
    int threads() default 2;

    @AttributeDefinition(name = "Keep finished jobs (days)",
            description = "Finished jobs older than this are deleted when the jobs service starts", min = "1")
    int retentionDays() default 30;

    @AttributeDefinition(name = "Shutdown grace (seconds)",
            description = "When the service stops, how long running jobs get to notice the cancellation and return",
            min = "0", max = "60")
    int shutdownGraceSeconds() default 5;
}

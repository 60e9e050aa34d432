package org.rapport.campaigns.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the campaigns bundle (PID {@code org.rapport.campaigns}). */
@ObjectClassDefinition(name = "Rapport campaigns", description = "How campaign runs are dispatched")
public @interface CampaignsConfig {

    @AttributeDefinition(description = "How often (milliseconds) due schedules and running runs are looked at")
    long tickMillis() default 500;

    @AttributeDefinition(description = "Recipients claimed and handed to the Messenger per batch (1 to 1000)")
    int batchSize() default 200;

    @AttributeDefinition(description = "Threads of this node that claim and send batches in parallel (1 to 8)")
    int dispatchThreads() default 2;

    @AttributeDefinition(description = "Messages per second of a campaign that sets no rate limit")
    int defaultRateLimit() default 50;

    @AttributeDefinition(description = "Days after a run starts during which replies and opt-outs count for it")
    int attributionDays() default 30;

    @AttributeDefinition(description = "Shortest delay (seconds) allowed between the steps of a series (1 to 86400; tests and demos may lower it)")
    long minStepDelaySeconds() default 60;
}

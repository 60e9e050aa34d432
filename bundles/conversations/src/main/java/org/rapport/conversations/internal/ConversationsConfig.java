package org.rapport.conversations.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of conversations and the outbound path, PID {@value #PID}. */
@ObjectClassDefinition(id = ConversationsConfig.PID, name = "Rapport conversations",
        description = "Threading of client messages, routing to staff, and the outbound dispatcher")
public @interface ConversationsConfig {

    String PID = "org.rapport.conversations";

    @AttributeDefinition(name = "Reopen window (hours)",
            description = "A client's message within this time after a conversation closed reopens it; later ones start a new one", min = "0")
    int reopenWindowHours() default 168;

    @AttributeDefinition(name = "Longest message (characters)", description = "Longer inbound text is cut and flagged", min = "100")
    int maxTextChars() default 20000;

    @AttributeDefinition(name = "Dispatcher threads", description = "Messages sent at the same time", min = "1", max = "64")
    int dispatcherThreads() default 4;

    @AttributeDefinition(name = "Claim batch", description = "Outbox rows one dispatcher pass claims", min = "1", max = "1000")
    int claimBatch() default 200;

    @AttributeDefinition(name = "Maximum attempts", description = "Sends of one message before it is marked failed", min = "1")
    int maxAttempts() default 8;

    @AttributeDefinition(name = "Lease (seconds)",
            description = "A message being sent is taken again by another dispatcher when its sender has not finished after this long", min = "5")
    int leaseSeconds() default 60;

    @AttributeDefinition(name = "Rate limits",
            description = "channel=messages per second, e.g. email=100; a channel not listed is not limited")
    String[] rateLimits() default {"email=200", "sms=100", "webchat=500"};

    @AttributeDefinition(name = "Node name",
            description = "This server's name in outbox claims (several servers on one PostgreSQL); empty: host name and process id")
    String nodeName() default "";
}

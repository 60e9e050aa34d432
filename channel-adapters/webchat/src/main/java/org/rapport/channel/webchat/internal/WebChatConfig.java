package org.rapport.channel.webchat.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the web chat channel, PID {@value #PID}; changes take effect without restart. */
@ObjectClassDefinition(id = WebChatConfig.PID, name = "Web chat channel",
        description = "Limits, allowed origins and visitor verification of the web chat widget")
public @interface WebChatConfig {

    String PID = "org.rapport.channel.webchat";

    @AttributeDefinition(description = "Origins (scheme://host[:port]) allowed to open the chat besides the server's own; '*' allows any")
    String[] allowedOrigins() default {};

    @AttributeDefinition(description = "Longest message text a visitor may send, in characters")
    int maxMessageChars() default 2000;

    @AttributeDefinition(description = "Frames a connection may send per minute (messages, typing, claims)")
    int framesPerMinute() default 60;

    @AttributeDefinition(description = "Frames a connection may send in a burst above the steady rate")
    int burst() default 10;

    @AttributeDefinition(description = "A connection that sends and receives nothing for this long is closed, in seconds")
    int idleTimeoutSeconds() default 300;

    @AttributeDefinition(description = "A session unused for this long is forgotten, in hours")
    int sessionHours() default 720;

    @AttributeDefinition(description = "Largest attachment, in bytes")
    int maxAttachmentBytes() default 1048576;

    @AttributeDefinition(description = "Attachment types accepted (MIME types)")
    String[] attachmentTypes() default {"image/png", "image/jpeg", "image/gif", "application/pdf", "text/plain"};

    @AttributeDefinition(description = "How long an emailed one-time code is valid, in seconds")
    int codeTtlSeconds() default 600;

    @AttributeDefinition(description = "Wrong codes allowed per code before it is void")
    int codeMaxAttempts() default 5;

    @AttributeDefinition(description = "Codes a session may ask for per hour")
    int codesPerHour() default 5;

    @AttributeDefinition(description = "HMAC-SHA256 secret the host site signs visitor tokens with; empty: host tokens are refused")
    String hostTokenSecret() default "";

    @AttributeDefinition(description = "A staff reply to a verified visitor offline for this long also goes by email, in seconds")
    int offlineEmailAfterSeconds() default 60;
}

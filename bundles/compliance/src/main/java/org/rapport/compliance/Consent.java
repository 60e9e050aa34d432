package org.rapport.compliance;

import java.time.Instant;

/**
 * The current consent of a contact for one channel and purpose.
 *
 * @param contactId the contact
 * @param channel the channel
 * @param purpose the purpose
 * @param granted whether we may send for this purpose on this channel
 * @param explicit true when someone recorded it; false when it is the configured default
 * @param source where it came from ({@code console}, {@code api}, {@code sms_keyword},
 *        {@code unsubscribe_link}, {@code chat_command}, {@code web_form}, {@code import}, ...);
 *        {@code default} when not explicit
 * @param evidence what proves it (a form reference, the inbound message, ...), or {@code null}
 * @param changedAt when it was recorded, or {@code null} when not explicit
 * @param actorName who recorded it, or {@code null} when not explicit
 * @since 0.1
 */
public record Consent(long contactId, String channel, Purpose purpose, boolean granted, boolean explicit, String source,
        String evidence, Instant changedAt, String actorName) {
}

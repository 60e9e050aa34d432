package org.rapport.records;

import java.time.Instant;

/**
 * One entry of a client's interaction timeline: a message, call, visit or note.
 *
 * @param id the id
 * @param clientId the company
 * @param contactId the contact, or {@code null}
 * @param channel {@code email}, {@code webchat}, {@code sms}, {@code phone}, {@code visit} or {@code other}
 * @param direction {@code inbound}, {@code outbound} or {@code internal}
 * @param kind {@code contact} (ordinary), {@code complaint} or {@code note}
 * @param summary a short summary
 * @param messageRef a link to the message (e.g. {@code conversation:12/message:40}), or {@code null}
 * @param staffId the staff user involved, or {@code null}
 * @param staffName that user's name, or {@code null}
 * @param occurredAt when it happened
 * @since 0.1
 */
public record Interaction(long id, long clientId, Long contactId, String channel, String direction, String kind,
        String summary, String messageRef, Long staffId, String staffName, Instant occurredAt) {}

package org.rapport.conversations.channel;

import java.time.Instant;

/**
 * The fate of a sent message, reported later by the channel (a DSN, an SMS delivery receipt, a
 * chat read receipt).
 *
 * @param channel the channel
 * @param idempotencyKey the key the message was sent with, or {@code null} when only
 *        {@code externalId} is known
 * @param externalId the channel's id of the sent message, or {@code null}
 * @param status the outcome
 * @param detail the channel's words (a bounce reason), or {@code null}
 * @param at when, or {@code null} for now
 * @since 0.1
 */
public record DeliveryReport(String channel, String idempotencyKey, String externalId, Status status, String detail,
        Instant at) {

    /** Delivery outcomes, in the order they can follow each other. */
    public enum Status {
        DELIVERED, READ, FAILED, BOUNCED
    }
}

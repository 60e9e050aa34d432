package org.rapport.conversations.channel;

import java.time.Duration;

/**
 * What became of a send.
 *
 * @param status the outcome
 * @param externalId the channel's id of the sent message (an email's Message-ID, an SMSC message
 *        id), or {@code null}
 * @param detail why it failed or must be retried, or {@code null}
 * @param retryAfter for {@link Status#RETRY}: wait at least this long, or {@code null} for the
 *        dispatcher's backoff
 * @since 0.1
 */
public record SendResult(Status status, String externalId, String detail, Duration retryAfter) {

    /** The outcomes of a send. */
    public enum Status {
        /** Handed to the channel. */
        SENT,
        /** Not sent this time; try again later. */
        RETRY,
        /** Cannot be sent (bad address, refused content); do not retry. */
        FAILED
    }

    public static SendResult sent(String externalId) {
        return new SendResult(Status.SENT, externalId, null, null);
    }

    public static SendResult retry(String detail, Duration after) {
        return new SendResult(Status.RETRY, null, detail, after);
    }

    public static SendResult failed(String detail) {
        return new SendResult(Status.FAILED, null, detail, null);
    }
}

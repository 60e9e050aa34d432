package org.rapport.conversations.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends messages on one channel. Register it as a service with the property {@link #CHANNEL}
 * ({@code email}, {@code webchat} or {@code sms}) and, when one adapter serves one of several
 * accounts of a channel (a mailbox, an SMSC link), {@link #ACCOUNT}.
 *
 * <p>Selection: for a message of channel {@code c} and account {@code a}, the dispatcher uses the
 * adapter with {@code channel=c} and {@code channel.account=a}; else the adapter with
 * {@code channel=c} and the highest {@code service.ranking} (then the lowest service id). While no
 * adapter fits, the message waits in the outbox.
 *
 * <p>{@link #send} is called from the dispatcher's threads, possibly concurrently; it may block
 * for network I/O (bounded by the adapter's own timeouts). A message may be handed over again
 * with the same {@link OutboundMessage#idempotencyKey()} after a crash between sending and
 * recording the result: an adapter that can, de-duplicates by it (an email's Message-ID is
 * derived from it, so mail clients drop the copy).
 *
 * @since 0.1
 */
@ConsumerType
public interface ChannelAdapter {

    /** Service property: the channel id. */
    String CHANNEL = "channel";

    /** Service property: the account (mailbox, link) this adapter sends for; optional. */
    String ACCOUNT = "channel.account";

    /**
     * Sends one message.
     *
     * @param message the message
     * @return {@link SendResult#sent sent} (with the channel's id for it), {@link SendResult#retry
     *         retry} for a transient failure, or {@link SendResult#failed failed} for a permanent one
     */
    SendResult send(OutboundMessage message);
}

package org.rapport.conversations.channel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where adapters deliver what clients write, and the delivery reports of what was sent.
 * Implemented by the conversations core; adapters reference it (mandatory or dynamic).
 *
 * @since 0.1
 */
@ProviderType
public interface InboundSink {

    /**
     * Takes an inbound message: identifies the sender, threads it into a conversation, adds it to
     * the client's timeline, and lets the chatbot or staff answer. When it returns, the message is
     * stored durably (an adapter may then mark it processed, e.g. flag it in IMAP). The same
     * {@code (channel, account, externalId)} again is recognised and not stored twice.
     *
     * @param message the message
     * @return where it went
     * @throws IllegalArgumentException when the message is unusable (no channel, no sender); the
     *         adapter should set it aside with the reason rather than retry it
     */
    Received receive(InboundMessage message);

    /**
     * Records a delivery report (delivered, read, failed, bounced) for a message sent earlier,
     * found by its idempotency key or by its channel id. Unknown messages are ignored.
     *
     * @param report the report
     */
    void delivery(DeliveryReport report);
}

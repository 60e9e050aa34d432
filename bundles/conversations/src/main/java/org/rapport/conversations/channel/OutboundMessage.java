package org.rapport.conversations.channel;

import java.util.List;
import java.util.Map;

/**
 * A message for an adapter to send; it has already passed the compliance gate.
 *
 * @param messageId the conversation message id
 * @param idempotencyKey unique per message, stable across retries
 * @param conversationId the conversation
 * @param contactId the recipient contact, or {@code null} for an unidentified sender
 * @param channel the channel
 * @param account the account to send from (mailbox, link; {@code ""} for the default)
 * @param to the recipient's address on the channel (email address, phone number, chat session)
 * @param toName the recipient's name, or {@code null}
 * @param subject the subject (email), or {@code null}
 * @param text the plain text
 * @param html an HTML alternative (email), or {@code null}
 * @param language {@code zh} or {@code en}
 * @param purpose {@code service}, {@code care} or {@code marketing}
 * @param inReplyTo the channel id of the message this answers (an email's Message-ID), or {@code null}
 * @param references the channel ids of the thread's earlier messages, oldest first
 * @param headers extra headers for the channel, e.g. {@code List-Unsubscribe} and
 *        {@code List-Unsubscribe-Post} on care and marketing mail
 * @since 0.1
 */
public record OutboundMessage(long messageId, String idempotencyKey, long conversationId, Long contactId, String channel,
        String account, String to, String toName, String subject, String text, String html, String language, String purpose,
        String inReplyTo, List<String> references, Map<String, String> headers) {

    public OutboundMessage {
        references = List.copyOf(references);
        headers = Map.copyOf(headers);
    }
}

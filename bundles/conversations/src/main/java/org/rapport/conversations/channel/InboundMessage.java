package org.rapport.conversations.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message a client wrote, as an adapter hands it over.
 *
 * @param channel the channel
 * @param account the account it came in on (mailbox, link; {@code ""} for the default)
 * @param externalId the channel's id for it (an email's Message-ID, an SMSC id, a chat message id);
 *        the same id again is a retransmission
 * @param from the sender's address (email address, phone number, chat session id)
 * @param fromName the sender's name, or {@code null}
 * @param subject the subject, or {@code null}
 * @param text the new text the client wrote (quoted history and signatures already stripped)
 * @param sentAt when the client sent it, or {@code null} for now
 * @param references channel ids this message answers (In-Reply-To first, then References), for
 *        threading; may be empty
 * @param conversationId the conversation the adapter already knows it belongs to (a chat session,
 *        a reply token in the address), or {@code null}
 * @param verifiedContactId the contact the adapter has verified the sender to be (a chat client
 *        who proved their identity), or {@code null}
 * @param attachments the attachments kept, may be empty
 * @param flags adapter findings to keep with the message (e.g. {@code "sanitised" -> "html removed"}),
 *        may be empty
 * @since 0.1
 */
public record InboundMessage(String channel, String account, String externalId, String from, String fromName, String subject,
        String text, Instant sentAt, List<String> references, Long conversationId, Long verifiedContactId,
        List<Attachment> attachments, Map<String, String> flags) {

    public InboundMessage {
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        flags = flags == null ? Map.of() : Map.copyOf(flags);
    }

    /** A plain message: no threading hints, attachments or flags. */
    public static InboundMessage of(String channel, String externalId, String from, String text) {
        return new InboundMessage(channel, "", externalId, from, null, null, text, null, List.of(), null, null, List.of(), Map.of());
    }
}

package org.rapport.conversations;

import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation.
 *
 * @param id the id
 * @param conversationId the conversation
 * @param direction {@code inbound} (from the client), {@code outbound} (to the client) or
 *        {@code note} (internal, never sent)
 * @param author {@code client}, {@code bot}, {@code staff} or {@code system}
 * @param staffId the staff author, or {@code null}
 * @param staffName that member's name, or {@code null}
 * @param subject the subject, or {@code null}
 * @param text the text (as the client wrote it; shown as text, never as HTML)
 * @param intent for bot answers and classified inbound messages: the intent, else {@code null}
 * @param sources the articles a bot answer used
 * @param status for outbound messages: {@code queued}, {@code deferred}, {@code sent},
 *        {@code delivered}, {@code read}, {@code failed}, {@code blocked}; for inbound:
 *        {@code received}; for notes {@code null}
 * @param statusDetail why blocked, deferred or failed, or {@code null}
 * @param createdAt when
 * @param attachments what came with it
 * @since 0.1
 */
public record Message(long id, long conversationId, String direction, String author, Long staffId, String staffName,
        String subject, String text, String intent, List<Source> sources, String status, String statusDetail, Instant createdAt,
        List<org.rapport.conversations.channel.Attachment> attachments) {

    public Message {
        sources = List.copyOf(sources);
        attachments = List.copyOf(attachments);
    }

    /**
     * An article an answer was drawn from.
     *
     * @param title the title
     * @param url its public address
     */
    public record Source(String title, String url) {}
}

package org.rapport.channel.webchat.internal;

import java.util.List;
import java.util.Optional;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.channel.DeliveryReport;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.Received;

/** What the chat engine needs from the rest of the server (the conversations core and the records). */
interface ChatPeers {

    /** A contact as the chat sees it. */
    record ContactRef(long id, String name, String language) {}

    /**
     * An outbound message as the conversation records it: who wrote it ({@code bot}, {@code staff}
     * or {@code system}, and the staff member's name), and whether an earlier outbound message of
     * the conversation is still waiting to be sent (the outbox's dispatchers send concurrently).
     */
    record Author(String kind, String name, boolean earlierUnsent) {

        Author(String kind, String name) {
            this(kind, name, false);
        }
    }

    /** One message of the transcript the visitor may see. */
    record Line(long id, String from, String name, String text, long at) {}

    Received receive(InboundMessage message);

    void delivery(DeliveryReport report);

    SendOutcome send(Outgoing message);

    /** The contact with this email on file (the one changed last when several share it). */
    Optional<ContactRef> contactByEmail(String email);

    Optional<ContactRef> contact(long id);

    Optional<Author> author(long conversationId, long messageId);

    /** The conversation's messages to and from the client, oldest first (no internal notes). */
    List<Line> transcript(long conversationId);
}

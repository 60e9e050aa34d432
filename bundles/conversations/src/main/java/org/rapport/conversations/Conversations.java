package org.rapport.conversations;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.rapport.records.Page;
import org.rapport.security.Principal;

/**
 * The staff side of conversations: the inbox, the thread, replies, notes, routing.
 *
 * @since 0.1
 */
@ProviderType
public interface Conversations {

    /** The inbox: newest activity first. */
    Page<Conversation> list(ConversationQuery query);

    Optional<Conversation> conversation(long id);

    /** The messages of a conversation, oldest first. */
    List<Message> messages(long conversationId);

    /**
     * A staff reply: through the compliance gate and the outbox to the client. The conversation
     * goes on in human mode.
     *
     * @return the stored message (its status says whether it was queued, deferred or blocked)
     * @throws java.util.NoSuchElementException when there is no such conversation
     * @throws IllegalArgumentException when the text is empty or too long
     */
    Message reply(long conversationId, String text, Principal staff);

    /** An internal note on the conversation; never sent. */
    Message note(long conversationId, String text, Principal staff);

    /** Routes the conversation to a staff member ({@code null}: unassigned), with a reason. */
    Conversation assign(long conversationId, Long staffId, String reason, Principal actor);

    /**
     * Hands the conversation over from the bot to a person: it waits for staff, routed to the
     * client's account manager, else to the least-loaded service agent.
     */
    Conversation handover(long conversationId, String summary, Principal actor);

    /** Closes the conversation; a reply from the client within the reopen window reopens it. */
    Conversation close(long conversationId, Principal actor);

    /**
     * Complaints, newest first.
     *
     * @param status only those in this status ({@code null}: all)
     * @param limit at most this many (1 to 500)
     * @since 0.2
     */
    List<Complaint> complaints(String status, int limit);

    /** @since 0.2 */
    Optional<Complaint> complaint(long id);

    /**
     * Moves a complaint on in its workflow ({@link Complaint#canMove}), with a note kept in its
     * conversation. Posts {@link ConversationEvents#COMPLAINT_STATUS}, and
     * {@link ConversationEvents#COMPLAINT_CLOSED} when it is closed.
     *
     * @throws java.util.NoSuchElementException when there is no such complaint
     * @throws IllegalArgumentException when the status is unknown or the move not allowed
     * @since 0.2
     */
    Complaint moveComplaint(long id, String status, String note, Principal actor);
}

package org.rapport.conversations;

/**
 * EventAdmin topics the conversations core posts after commit, and their properties.
 *
 * @since 0.1
 */
public final class ConversationEvents {

    public static final String PREFIX = "org/rapport/conversations/";

    /** A client's message was stored. */
    public static final String MESSAGE_RECEIVED = PREFIX + "message/RECEIVED";
    /** An outbound message was stored (queued, deferred or blocked); for a Messenger batch one event with {@link #COUNT}. */
    public static final String MESSAGE_QUEUED = PREFIX + "message/QUEUED";
    /** An outbound message's delivery status changed ({@link #STATUS}). */
    public static final String MESSAGE_STATUS = PREFIX + "message/STATUS";
    public static final String CONVERSATION_CREATED = PREFIX + "conversation/CREATED";
    /** Handed to a person ({@link #STAFF_ID} is where it was routed, if anyone). */
    public static final String CONVERSATION_HANDOVER = PREFIX + "conversation/HANDOVER";
    public static final String CONVERSATION_ASSIGNED = PREFIX + "conversation/ASSIGNED";
    public static final String CONVERSATION_CLOSED = PREFIX + "conversation/CLOSED";
    /** The chatbot filed a complaint ({@link #COMPLAINT_ID}). */
    public static final String COMPLAINT_FILED = PREFIX + "complaint/FILED";
    /** A complaint moved on in its workflow ({@link #COMPLAINT_ID}, {@link #STATUS}). @since 0.2 */
    public static final String COMPLAINT_STATUS = PREFIX + "complaint/STATUS";
    /** A complaint was closed ({@link #COMPLAINT_ID}; the contact and client ids when known): e.g. a follow-up campaign. @since 0.2 */
    public static final String COMPLAINT_CLOSED = PREFIX + "complaint/CLOSED";

    public static final String CONVERSATION_ID = "conversation.id";
    public static final String MESSAGE_ID = "message.id";
    public static final String CONTACT_ID = "contact.id";
    public static final String CLIENT_ID = "client.id";
    public static final String CHANNEL = "channel";
    public static final String STAFF_ID = "staff.id";
    public static final String STATUS = "status";
    public static final String INTENT = "intent";
    public static final String PURPOSE = "purpose";
    /** The sender's idempotency key of an outbound message (e.g. a campaign's). */
    public static final String KEY = "key";
    public static final String COMPLAINT_ID = "complaint.id";
    /** How many messages a batch event covers (a {@link org.rapport.conversations.Messenger#sendAll} batch). */
    public static final String COUNT = "count";

    private ConversationEvents() {
    }
}

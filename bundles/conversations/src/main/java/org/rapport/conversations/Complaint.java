package org.rapport.conversations;

import java.time.Instant;
import java.util.List;

/**
 * A complaint a client made (filed by the chatbot, or by staff from a conversation), with the
 * reference the client can quote ({@code C-20261205-0042}) and where it stands in the workflow
 * {@link #STATUSES}: received → analysing → resolving → answered → closed.
 *
 * @since 0.2
 */
public record Complaint(long id, String reference, long conversationId, Long contactId, Long clientId, String summary, String status,
        Instant createdAt, Instant updatedAt) {

    public static final String RECEIVED = "received";
    public static final String CLOSED = "closed";

    /** The workflow, in order. A complaint moves forward; a closed one may be reopened to {@code resolving}. */
    public static final List<String> STATUSES = List.of(RECEIVED, "analysing", "resolving", "answered", CLOSED);

    /** Whether a complaint in {@code from} may move to {@code to}. */
    public static boolean canMove(String from, String to) {
        int a = STATUSES.indexOf(from);
        int b = STATUSES.indexOf(to);
        if (a < 0 || b < 0) {
            return false;
        }
        return b > a || (CLOSED.equals(from) && "resolving".equals(to));
    }
}

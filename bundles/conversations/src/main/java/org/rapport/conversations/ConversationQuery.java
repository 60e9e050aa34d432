package org.rapport.conversations;

/**
 * Filters of the staff inbox; {@code null} means "any".
 *
 * @param assigneeId only conversations routed to this staff member
 * @param unassigned only conversations routed to nobody
 * @param status {@code open}, {@code waiting} or {@code closed}; {@code null}: open and waiting
 * @param channel only this channel
 * @param contactId only this contact's
 * @param clientId only this client company's
 * @param page 1-based
 * @param size at most 200
 * @since 0.1
 */
public record ConversationQuery(Long assigneeId, boolean unassigned, String status, String channel, Long contactId,
        Long clientId, int page, int size) {}

package org.rapport.conversations.internal;

import java.time.Instant;

/** A conversation as stored (the API's {@link org.rapport.conversations.Conversation} adds names). */
record ConversationRow(long id, String channel, String account, Long contactId, Long clientId, Long leadId, String address,
        String name, String subject, String language, String status, String mode, Long assigneeId, String handoverSummary,
        Instant createdAt, Instant closedAt, Instant lastMessageAt, Instant lastInboundAt, String lastMessage, int messageCount) {

    boolean closed() {
        return "closed".equals(status);
    }

    boolean botMode() {
        return "bot".equals(mode);
    }
}

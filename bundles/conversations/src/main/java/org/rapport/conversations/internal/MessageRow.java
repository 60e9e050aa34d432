package org.rapport.conversations.internal;

import java.time.Instant;

/** A message as stored; sources, attachments and flags are JSON. */
record MessageRow(long id, long conversationId, String direction, String author, Long staffId, String subject, String body, String html,
        String intent, String sources, String status, String statusDetail, String purpose, boolean replyToClient, String attachments, String flags,
        Instant createdAt) {}

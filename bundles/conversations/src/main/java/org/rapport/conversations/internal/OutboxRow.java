package org.rapport.conversations.internal;

import java.time.Instant;

/** One outbox row: a message waiting to be sent, being sent, or done. */
record OutboxRow(long id, long messageId, String key, String channel, String account, String state, int attempts, Instant dueAt,
        boolean recheck, String lastError, Instant createdAt) {

    static final String PENDING = "pending";
    static final String DEFERRED = "deferred";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String BLOCKED = "blocked";
    /** Withdrawn by its sender before the dispatcher claimed it; sent only if requeued. */
    static final String WITHDRAWN = "withdrawn";
}

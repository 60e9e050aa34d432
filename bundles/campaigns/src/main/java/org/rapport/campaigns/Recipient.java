package org.rapport.campaigns;

import java.time.Instant;

/**
 * One recipient of a run and what happened.
 *
 * @param state {@code pending}, {@code queued}, {@code deferred}, {@code skipped}, {@code cancelled}
 * @param reasonCode why skipped or deferred (the gate's code, e.g. {@code opted_out}, {@code quiet_hours}), or {@code null}
 * @param delivery the outbox's latest status ({@code sent}, {@code delivered}, {@code failed}, ...), or {@code null}
 * @since 0.1
 */
public record Recipient(int run, long contactId, String state, String reasonCode, String reason, String language, String delivery,
        boolean replied, boolean optedOut, Instant updatedAt) {
}

package org.rapport.campaigns;

import java.time.Instant;

/**
 * One recipient of a run and what happened.
 *
 * @param state {@code pending}, {@code queued}, {@code deferred}, {@code skipped}, {@code cancelled}
 * @param reasonCode why skipped or deferred (the gate's code, e.g. {@code opted_out}, {@code quiet_hours}), or {@code null}
 * @param delivery the outbox's latest status ({@code sent}, {@code delivered}, {@code failed}, ...), or {@code null}
 * @param step the furthest step the recipient reached (0: the campaign's own message; the fields above are step 0's)
 * @param stepState that step's state ({@code pending} until due, {@code queued}, {@code deferred}, {@code skipped}, {@code cancelled})
 * @param stepReasonCode why that step was skipped or deferred (e.g. {@code previous_step_skipped}, {@code replied}), or {@code null}
 * @param stepDueAt when that step is (or was) due; {@code null} for step 0
 * @since 0.1
 */
public record Recipient(int run, long contactId, String state, String reasonCode, String reason, String language, String delivery,
        boolean replied, boolean optedOut, Instant updatedAt, int step, String stepState, String stepReasonCode, Instant stepDueAt) {

    /** A recipient of a campaign without follow-up steps (at step 0). */
    public Recipient(int run, long contactId, String state, String reasonCode, String reason, String language, String delivery,
            boolean replied, boolean optedOut, Instant updatedAt) {
        this(run, contactId, state, reasonCode, reason, language, delivery, replied, optedOut, updatedAt, 0, state, reasonCode, null);
    }
}

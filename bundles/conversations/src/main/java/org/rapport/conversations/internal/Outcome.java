package org.rapport.conversations.internal;

import java.time.Instant;
import java.util.Optional;
import org.rapport.compliance.GateDecision;

/**
 * How the gate's decision (or its absence) turns into a message status and an outbox row.
 *
 * @param messageStatus {@code queued}, {@code deferred} or {@code blocked}
 * @param detail why, for deferred, blocked and held messages
 * @param outboxState the outbox row's state, or {@code null} for no row (blocked)
 * @param dueAt when the row is due
 * @param recheck whether the dispatcher must ask the gate again before sending
 * @param reasonCode the gate's reason code ({@code held} without a gate)
 */
record Outcome(String messageStatus, String detail, String outboxState, Instant dueAt, boolean recheck, String reasonCode) {

    static Outcome of(Optional<GateDecision> decision, Instant now) {
        if (decision.isEmpty()) {
            return new Outcome("queued", "waiting for the compliance check", OutboxRow.PENDING, now, true, "held");
        }
        GateDecision d = decision.get();
        return switch (d.decision()) {
            case ALLOW -> new Outcome("queued", null, OutboxRow.PENDING, now, false, d.reasonCode());
            case DEFER -> new Outcome("deferred", d.reason(), OutboxRow.DEFERRED, d.retryAt() == null ? now.plusSeconds(600) : d.retryAt(),
                    true, d.reasonCode());
            case DENY -> new Outcome("blocked", d.reason(), null, null, false, d.reasonCode());
        };
    }

    boolean stored() {
        return outboxState != null;
    }
}

package org.rapport.campaigns;

import java.time.Instant;
import java.util.Map;

/**
 * Results of one step of a run (step 0: the campaign's own message), counted per recipient.
 *
 * @param step the step, from 0
 * @param pending waiting for their time (or claimed next); no message handed over yet
 * @param nextDueAt when the earliest pending one is due, or {@code null}
 * @param queued handed to the outbox (deferred ones included)
 * @param deferred held by the gate, sent by the outbox later
 * @param skipped not sent: the gate's answer, or stopped because of an earlier step, a reply or an opt-out; {@link #skippedBy} says why
 * @param cancelled not sent because the run was cancelled
 * @param sent handed to the channel (delivered ones included)
 * @param delivered confirmed delivered
 * @param failed failed or bounced
 * @since 0.1
 */
public record StepStats(int step, long pending, Instant nextDueAt, long queued, long deferred, long skipped, long cancelled, long sent,
        long delivered, long failed, Map<String, Long> skippedBy) {
}

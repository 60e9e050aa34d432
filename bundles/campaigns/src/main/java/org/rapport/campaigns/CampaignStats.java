package org.rapport.campaigns;

import java.util.List;
import java.util.Map;

/**
 * Results of a campaign's latest run (or of a given run).
 *
 * @param run the run number ({@code 0}: never launched)
 * @param state the run's state ({@code running}, {@code paused}, {@code completed}, {@code cancelled}), or {@code null}
 * @param targeted recipients the segment matched
 * @param skipped not sent (blocked by the gate, no address, invalid); {@link #skippedBy} says why
 * @param pending not handed to the outbox yet
 * @param deferred held by the gate (e.g. quiet hours), sent by the outbox later
 * @param sent handed to the channel (delivered ones included)
 * @param delivered confirmed delivered
 * @param failed failed or bounced
 * @param replied answered by the recipient
 * @param optedOut opted out after the message
 * @param steps per step (0: the campaign's own message, then its follow-up steps); the fields above count step 0 per recipient
 * @since 0.1
 */
public record CampaignStats(int run, String state, long targeted, long skipped, long pending, long deferred, long sent, long delivered,
        long failed, long replied, long optedOut, Map<String, Long> skippedBy, List<StepStats> steps) {

    public CampaignStats {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Results without a per-step breakdown. */
    public CampaignStats(int run, String state, long targeted, long skipped, long pending, long deferred, long sent, long delivered,
            long failed, long replied, long optedOut, Map<String, Long> skippedBy) {
        this(run, state, targeted, skipped, pending, deferred, sent, delivered, failed, replied, optedOut, skippedBy, List.of());
    }
}

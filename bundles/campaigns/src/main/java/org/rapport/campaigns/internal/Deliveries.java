package org.rapport.campaigns.internal;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Records the outbox's delivery status of a campaign message on its recipient (or on its follow-up step), by the
 * message's key; a status never moves back (sent → delivered / failed / bounced → read). Used for the conversations
 * core's status events and for the reconciliation after this bundle was stopped.
 */
final class Deliveries {
    /** How far a delivery status has come; a later status never moves it back. */
    private static final Map<String, Integer> RANK = Map.of("sent", 1, "blocked", 2, "failed", 2, "bounced", 3, "delivered", 3, "read", 4);

    private Deliveries() {
    }

    /** Whether {@code status} is one a recipient records (not {@code queued}, {@code deferred}, {@code withdrawn}). */
    static boolean recorded(String status) {
        return RANK.containsKey(status);
    }

    /** Records {@code status} of the message with {@code key}; other keys and statuses are ignored. Returns whether it changed anything. */
    static boolean record(CampaignRepository repo, Handle h, String key, String status, Instant now) {
        var parsed = CampaignKeys.parse(key);
        if (parsed.isEmpty() || !RANK.containsKey(status)) {
            return false;
        }
        var k = parsed.get();
        var runId = repo.runId(h, k.campaignId(), k.runNo());
        if (runId.isEmpty()) {
            return false;
        }
        var current = k.step() == 0 ? repo.delivery(h, runId.get(), k.contactId()) : repo.stepDelivery(h, runId.get(), k.contactId(), k.step());
        if (current.isEmpty() || RANK.getOrDefault(current.get(), 0) >= RANK.get(status)) {
            return false;
        }
        if (k.step() == 0) {
            repo.setDelivery(h, runId.get(), k.contactId(), status, now);
        } else {
            repo.setStepDelivery(h, runId.get(), k.contactId(), k.step(), status, now);
        }
        return true;
    }
}

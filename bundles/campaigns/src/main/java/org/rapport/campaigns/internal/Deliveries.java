package org.rapport.campaigns.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

    /** A status of the message with this key. */
    record Status(String key, String status) {}

    /**
     * Records many statuses, as {@link #record} each: for the first steps, each recipient's furthest status, in one batched
     * update per status (an update moves a delivery only forward, so the order within the batch does not matter);
     * follow-up steps' one by one. Returns how many recipients or steps changed.
     */
    static int recordAll(CampaignRepository repo, Handle h, List<Status> statuses, Instant now) {
        Map<List<Long>, Optional<Long>> runs = new HashMap<>();
        Map<List<Long>, String> furthest = new java.util.LinkedHashMap<>(); // [run id, contact id] -> the furthest status
        int changed = 0;
        for (Status s : statuses) {
            var parsed = CampaignKeys.parse(s.key());
            if (parsed.isEmpty() || !RANK.containsKey(s.status())) {
                continue;
            }
            var k = parsed.get();
            if (k.step() != 0) {
                changed += record(repo, h, s.key(), s.status(), now) ? 1 : 0;
                continue;
            }
            Optional<Long> runId = runs.computeIfAbsent(List.of(k.campaignId(), (long) k.runNo()), x -> repo.runId(h, k.campaignId(), k.runNo()));
            runId.ifPresent(run -> furthest.merge(List.of(run, k.contactId()), s.status(), (was, now2) -> RANK.get(now2) > RANK.get(was) ? now2 : was));
        }
        Map<String, List<long[]>> firstSteps = new HashMap<>(); // status -> [run id, contact id]
        furthest.forEach((r, status) -> firstSteps.computeIfAbsent(status, x -> new ArrayList<>()).add(new long[] {r.get(0), r.get(1)}));
        for (String status : firstSteps.keySet()) {
            List<String> below = RANK.entrySet().stream().filter(e -> e.getValue() < RANK.get(status)).map(Map.Entry::getKey).sorted()
                    .collect(Collectors.toList());
            changed += repo.advanceDeliveries(h, firstSteps.get(status), status, below, now);
        }
        return changed;
    }
}

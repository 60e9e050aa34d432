package org.rapport.campaigns.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rapport.conversations.Messenger;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches up, when this bundle starts, on what happened while it was stopped (or what a crash interrupted), for runs
 * still open or finished within {@code attributionDays}: delivery statuses posted meanwhile are read from the
 * Messenger by key and recorded on the recipients whose recorded status lags; a paused run's queued messages are
 * withdrawn and a running run's withdrawn ones requeued (a pause or resume cut off between its commit and the
 * Messenger's call); a cancelled run's queued messages are withdrawn and recorded as such.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int CHUNK = 1000;

    private final Store store;
    private final Messenger messenger;
    private final Settings settings;
    private final Clock clock;
    private final CampaignRepository repo;

    Reconciler(Store store, Messenger messenger, CampaignRepository repo, Settings settings, Clock clock) {
        this.store = store;
        this.messenger = messenger;
        this.repo = repo;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reconciles the recent runs; returns how many recipients' (or steps') statuses it moved on. */
    int reconcile() {
        Instant since = clock.instant().minus(settings.attributionDays(), ChronoUnit.DAYS);
        int moved = 0;
        for (Map<String, Object> run : store.jdbi().withHandle(h -> repo.recentRuns(h, since))) {
            long runId = ((Number) run.get("id")).longValue();
            long campaignId = ((Number) run.get("campaign_id")).longValue();
            int runNo = ((Number) run.get("run_no")).intValue();
            String state = (String) run.get("state");
            try {
                String prefix = CampaignKeys.runPrefix(campaignId, runNo);
                switch (state) {
                    case "paused" -> messenger.withdrawByPrefix(prefix);
                    case "running" -> messenger.requeueByPrefix(prefix);
                    case "cancelled" -> withdrawn(runId, messenger.withdrawByPrefix(prefix));
                    default -> {
                        // completed: only the statuses below
                    }
                }
                moved += statuses(runId, campaignId, runNo, state);
            } catch (RuntimeException e) {
                LOG.warn("Campaign {} run {} not reconciled: {}", campaignId, runNo, e.toString());
            }
        }
        if (moved > 0) {
            LOG.info("Recorded {} campaign delivery statuses posted while the campaigns bundle was not running", moved);
        }
        return moved;
    }

    /** Records the current statuses of a run's messages whose recorded status lags. */
    private int statuses(long runId, long campaignId, int runNo, String state) {
        List<String> keys = new ArrayList<>();
        store.jdbi().useHandle(h -> {
            repo.lagging(h, runId).forEach(contact -> keys.add(CampaignKeys.of(campaignId, runNo, contact)));
            repo.laggingSteps(h, runId).forEach(s -> keys.add(CampaignKeys.of(campaignId, runNo, s.contactId(), s.step())));
        });
        int moved = 0;
        for (int i = 0; i < keys.size(); i += CHUNK) {
            Map<String, String> statuses = messenger.statuses(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
            Instant now = clock.instant();
            List<CampaignKeys.Key> withdrawn = new ArrayList<>();
            moved += store.inTransaction(tx -> {
                int n = 0;
                for (Map.Entry<String, String> e : statuses.entrySet()) {
                    if (Deliveries.record(repo, tx.handle(), e.getKey(), e.getValue(), now)) {
                        n++;
                    } else if ("withdrawn".equals(e.getValue()) && "cancelled".equals(state)) {
                        CampaignKeys.parse(e.getKey()).ifPresent(withdrawn::add);
                    }
                }
                repo.withdrawn(tx.handle(), runId, withdrawn, now);
                return n + withdrawn.size();
            });
        }
        return moved;
    }

    private void withdrawn(long runId, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<CampaignKeys.Key> parsed = keys.stream().map(CampaignKeys::parse).flatMap(java.util.Optional::stream).toList();
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            repo.withdrawn(tx.handle(), runId, parsed, now);
            return null;
        });
    }
}

package org.rapport.campaigns.internal;

import io.pebbletemplates.pebble.error.PebbleException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.CampaignStateException;
import org.rapport.campaigns.Rendered;
import org.rapport.conversations.Messenger;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts scheduled campaigns when due and works running runs: each batch claims pending
 * recipients with {@code FOR UPDATE SKIP LOCKED} (so nodes on one PostgreSQL share a run), renders
 * their messages, hands them to {@link Messenger#sendAll} with the keys
 * {@code campaign:<id>:run:<n>:contact:<id>}, and records each outcome in the same transaction as
 * the claim. Follow-up steps of a series work the same way: a step handed over schedules the next one
 * (its delay later, row in {@code camp_step_recipient}), which a later batch claims once due and sends
 * under the key with {@code :step:<k>} appended; a step skipped, an opt-out or a reply ends the series
 * for that recipient. If the node dies between the Messenger's commit and this one, the recipients are
 * claimed again and the Messenger reports their keys as duplicates: nobody is messaged twice.
 * Each run is held to its campaign's rate limit (per node).
 */
final class RunDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RunDispatcher.class);

    private final Store store;
    private final Messenger messenger;
    private final MessageRenderer renderer;
    private final CampaignService service;
    private final Settings settings;
    private final CampaignRepository repo;
    /** Run id → System.nanoTime() before which this node sends no further batch of it (its rate limit). */
    private final Map<Long, Long> nextAllowed = new ConcurrentHashMap<>();
    /** Run id → nanoseconds this node spent in batches and, of those, in {@link Messenger#sendAll} (logged when the run completes; approximate with several threads). */
    private final Map<Long, long[]> spent = new ConcurrentHashMap<>();

    RunDispatcher(Store store, Messenger messenger, MessageRenderer renderer, CampaignService service, Settings settings) {
        this.store = store;
        this.messenger = messenger;
        this.renderer = renderer;
        this.service = service;
        this.settings = settings;
        this.repo = service.repository();
    }

    /** One pass: due schedules launched, one batch of each running run (that its rate allows). Returns recipients handled. */
    int tick() {
        Instant now = service.now();
        for (Long id : store.jdbi().withHandle(h -> repo.due(h, now))) {
            try {
                service.launch(id, true);
            } catch (CampaignStateException | java.util.NoSuchElementException e) {
                LOG.warn("Scheduled campaign {} not started: {}", id, e.getMessage());
            }
        }
        int handled = 0;
        for (RunRef run : store.jdbi().withHandle(repo::runningRuns)) {
            // the rate limit as a budget: a batch of n reserves n / rate seconds; another thread (of this node) may start
            // the next batch once that has passed, also while this one is still being sent
            int size = batchSize(run);
            long nowNanos = System.nanoTime();
            long reserved = nowNanos + size * 1_000_000_000L / Math.max(1, run.rateLimit());
            boolean[] mine = {false};
            nextAllowed.compute(run.id(), (k, v) -> {
                if (v == null || v - nowNanos <= 0) {
                    mine[0] = true;
                    return reserved;
                }
                return v;
            });
            if (!mine[0]) {
                continue;
            }
            int n = batch(run);
            handled += n;
            if (n > 0) {
                spent.computeIfAbsent(run.id(), k -> new long[2])[0] += System.nanoTime() - nowNanos;
            } else {
                nextAllowed.remove(run.id(), reserved);
            }
        }
        return handled;
    }

    /**
     * Nanoseconds until the earliest rate budget held by a batch of this node frees, or -1 when none is held: a thread
     * that found work held back by the budget waits that long rather than a whole tick.
     */
    long nanosUntilNextBudget() {
        long now = System.nanoTime();
        long soonest = -1;
        for (long at : nextAllowed.values()) {
            long wait = at - now;
            if (wait > 0 && (soonest < 0 || wait < soonest)) {
                soonest = wait;
            }
        }
        return soonest;
    }

    private int batchSize(RunRef run) {
        return Math.min(settings.batchSize(), Math.max(1, run.rateLimit()));
    }

    /**
     * Claims and sends one batch of a run: recipients still waiting for their first message, then follow-up steps that are
     * due; completes the run when nothing is pending (no first message, no step).
     */
    int batch(RunRef run) {
        int size = batchSize(run);
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            List<Long> ids = repo.claim(h, run.id(), size);
            if (!"running".equals(repo.runState(h, run.id()))) {
                return 0;
            }
            Instant now = service.now();
            List<CampaignRepository.StepRef> steps = ids.size() < size ? repo.claimSteps(h, run.id(), now, size - ids.size()) : List.of();
            if (ids.isEmpty() && steps.isEmpty()) {
                boolean listening = repo.campaign(h, run.campaignId(), false).map(c -> Schedules.triggered(c.schedule())).orElse(false);
                if (!listening && !repo.anyPending(h, run.id()) && !repo.anyStepPending(h, run.id())
                        && repo.setRunState(h, run.id(), "running", "completed", now)) {
                    repo.setStatus(h, run.campaignId(), "completed", null, now);
                    repo.campaign(h, run.campaignId(), false).ifPresent(c -> service.afterRun(h, c, now));
                    long[] times = spent.remove(run.id());
                    LOG.info("Campaign {} run {} completed (this node: {} ms in batches, {} ms of them in the Messenger)", run.campaignId(),
                            run.runNo(), times == null ? 0 : times[0] / 1_000_000, times == null ? 0 : times[1] / 1_000_000);
                }
                return 0;
            }
            Campaign campaign = repo.campaign(h, run.campaignId(), false).orElseThrow();
            if (!ids.isEmpty()) {
                send(h, run, campaign, 0, ids, now);
            }
            Map<Integer, List<Long>> byStep = new TreeMap<>();
            steps.forEach(s -> byStep.computeIfAbsent(s.step(), k -> new ArrayList<>()).add(s.contactId()));
            byStep.forEach((step, contacts) -> sendStep(h, run, campaign, step, contacts, now));
            return ids.size() + steps.size();
        });
    }

    /** Follow-up step {@code step} of these recipients: stopped for those who replied or opted out since, the others sent. */
    private void sendStep(Handle h, RunRef run, Campaign campaign, int step, List<Long> contacts, Instant now) {
        if (step > campaign.steps().size()) {
            repo.recordSteps(h, run.id(), step, contacts.stream().map(id -> new CampaignRepository.Outcome(id, "skipped", "step_removed",
                    "The campaign no longer has step " + step, null, null)).toList(), now);
            return;
        }
        Map<Long, CampaignRepository.Reaction> reactions = repo.reactions(h, run.id(), contacts);
        List<CampaignRepository.Outcome> stopped = new ArrayList<>();
        List<Long> go = new ArrayList<>();
        for (Long contactId : contacts) {
            CampaignRepository.Reaction r = reactions.get(contactId);
            if (r != null && r.optedOut()) {
                stopped.add(new CampaignRepository.Outcome(contactId, "skipped", "opted_out", "The recipient opted out after an earlier step",
                        null, null));
            } else if (r != null && r.replied()) {
                stopped.add(new CampaignRepository.Outcome(contactId, "skipped", "replied", "The recipient replied to an earlier step", null,
                        null));
            } else {
                go.add(contactId);
            }
        }
        repo.recordSteps(h, run.id(), step, stopped, now);
        if (!go.isEmpty()) {
            send(h, run, campaign, step, go, now);
        }
    }

    /**
     * A pause or cancel committed while this batch was with the Messenger may have withdrawn the run's queued messages
     * before this batch's were stored: this batch withdraws its own then. Its recipients stay recorded as handed over
     * (a resume requeues them), except on cancel, where the withdrawn ones are recorded as cancelled ({@code withdrawn}).
     */
    private List<SendOutcome> withdrawnIfStopped(Handle h, RunRef run, List<SendOutcome> outcomes) {
        String state = repo.runState(h, run.id());
        if ("running".equals(state)) {
            return outcomes;
        }
        List<String> keys = outcomes.stream().filter(SendOutcome::accepted).map(SendOutcome::key).toList();
        if (keys.isEmpty()) {
            return outcomes;
        }
        java.util.Set<String> withdrawn = new java.util.HashSet<>(messenger.withdraw(keys));
        if ("running".equals(repo.runState(h, run.id()))) { // resumed meanwhile: hand them back
            messenger.requeue(List.copyOf(withdrawn));
            return outcomes;
        }
        if (!"cancelled".equals(state)) {
            return outcomes;
        }
        return outcomes.stream().map(o -> withdrawn.contains(o.key())
                ? new SendOutcome(o.key(), "withdrawn", "withdrawn", "Withdrawn from the outbox before it was sent: the run was cancelled",
                        o.messageId(), o.conversationId())
                : o).toList();
    }

    /**
     * Renders step {@code step} for these claimed recipients, hands the messages to the Messenger under the step's keys and records
     * each outcome; then schedules the next step for each recipient it was handed over to (and marks it skipped for the others).
     */
    private void send(Handle h, RunRef run, Campaign campaign, int step, List<Long> ids, Instant now) {
        MessageRenderer.Prepared prepared = renderer.prepare(campaign, step);
        Map<Long, MemberRow> members = repo.members(h, ids);
        List<Outgoing> outgoing = new ArrayList<>();
        List<Long> sentIds = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        List<CampaignRepository.Outcome> recorded = new ArrayList<>();
        for (Long contactId : ids) {
            MemberRow m = members.get(contactId);
            if (m == null) {
                recorded.add(new CampaignRepository.Outcome(contactId, "skipped", "contact_gone",
                        "The contact was deleted or erased before the message", null, null));
                continue;
            }
            try {
                Rendered r = renderer.render(prepared, m);
                outgoing.add(new Outgoing(contactId, campaign.channel(), campaign.purpose(), r.subject().isEmpty() ? null : r.subject(),
                        r.body(), null, CampaignService.SENDER, CampaignKeys.of(run.campaignId(), run.runNo(), contactId, step)));
                sentIds.add(contactId);
                languages.add(r.language());
            } catch (PebbleException e) {
                recorded.add(new CampaignRepository.Outcome(contactId, "skipped", "render_failed", TemplateEngine.describe(e), null, null));
            }
        }
        if (!outgoing.isEmpty()) {
            long handing = System.nanoTime();
            List<SendOutcome> outcomes = messenger.sendAll(outgoing);
            spent.computeIfAbsent(run.id(), k -> new long[2])[1] += System.nanoTime() - handing;
            outcomes = withdrawnIfStopped(h, run, outcomes);
            for (int i = 0; i < outcomes.size(); i++) {
                SendOutcome o = outcomes.get(i);
                String state = switch (o.status()) {
                    case "queued", "duplicate" -> "queued";
                    case "deferred" -> "deferred";
                    case "withdrawn" -> "cancelled";
                    default -> "skipped";
                };
                String code = o.status().equals("queued") ? null
                        : o.reasonCode() != null ? o.reasonCode() : o.status();
                recorded.add(new CampaignRepository.Outcome(sentIds.get(i), state, code, o.status().equals("queued") ? null : o.reason(),
                        languages.get(i), o.messageId()));
            }
        }
        if (step == 0) {
            repo.recordAll(h, run.id(), recorded, now);
        } else {
            repo.recordSteps(h, run.id(), step, recorded, now);
        }
        if (step < campaign.steps().size()) {
            int next = step + 1;
            List<Long> handedOver = recorded.stream().filter(o -> o.state().equals("queued") || o.state().equals("deferred")).map(CampaignRepository.Outcome::contactId).toList();
            repo.addSteps(h, run.id(), handedOver, next, "pending", now.plus(Steps.delay(campaign, next)), null, null, now);
            for (CampaignRepository.Outcome o : recorded) {
                if (o.state().equals("skipped")) {
                    repo.addSteps(h, run.id(), List.of(o.contactId()), next, "skipped", now, "previous_step_skipped",
                            "Step " + step + " was skipped (" + o.reasonCode() + "), so no later step is sent", now);
                }
            }
        }
    }
}

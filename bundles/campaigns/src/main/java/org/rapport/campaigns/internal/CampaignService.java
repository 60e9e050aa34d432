package org.rapport.campaigns.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Handle;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.CampaignInput;
import org.rapport.campaigns.CampaignStateException;
import org.rapport.campaigns.CampaignStats;
import org.rapport.campaigns.InvalidCampaignException;
import org.rapport.campaigns.Recipient;
import org.rapport.campaigns.Rendered;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.Schedule;
import org.rapport.campaigns.Segment;
import org.rapport.campaigns.SegmentPreview;
import org.rapport.campaigns.Step;
import org.rapport.conversations.Messenger;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.StaffOutgoing;
import org.rapport.security.Principal;
import org.rapport.store.Store;

/**
 * The campaigns' logic over the database: segments (compiled to SQL), campaign definitions
 * (validated whole at save), and the run life cycle — launch materialises the recipients in one
 * transaction; pause, resume and cancel move the run's state, which the {@link RunDispatcher} obeys.
 */
final class CampaignService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CampaignService.class);
    static final String SENDER = "org.rapport.campaigns";
    private static final Set<String> CHANNELS = Set.of("email", "sms", "webchat");
    private static final Set<String> PURPOSES = Set.of("care", "marketing");
    private static final int MAX_RATE = 10_000;

    private final Store store;
    private final Messenger messenger;
    private final MessageRenderer renderer;
    private final Settings settings;
    private final Clock clock;
    private final BooleanSupplier consentViewAvailable;
    private final CampaignRepository repo = new CampaignRepository();

    CampaignService(Store store, Messenger messenger, MessageRenderer renderer, Settings settings, Clock clock,
            BooleanSupplier consentViewAvailable) {
        this.store = store;
        this.messenger = messenger;
        this.renderer = renderer;
        this.settings = settings;
        this.clock = clock;
        this.consentViewAvailable = consentViewAvailable;
    }

    CampaignRepository repository() {
        return repo;
    }

    // --- segments ---

    SegmentPreview preview(Rule rule, int sampleSize) {
        if (sampleSize < 0 || sampleSize > 100) {
            throw new InvalidCampaignException("sample", "must be from 0 to 100");
        }
        CompiledSegment segment = compile(rule, "segment");
        return store.jdbi().withHandle(h -> new SegmentPreview(repo.count(h, segment), repo.sample(h, segment, sampleSize)));
    }

    List<Segment> segments() {
        return store.jdbi().withHandle(h -> repo.segments(h, null));
    }

    java.util.Optional<Segment> segment(long id) {
        return store.jdbi().withHandle(h -> repo.segments(h, id).stream().findFirst());
    }

    Segment saveSegment(Long id, String name, String description, Rule rule, Principal actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            errors.put("name", "must be 1 to 200 characters");
        }
        if (description != null && description.length() > 1000) {
            errors.put("description", "at most 1000 characters");
        }
        try {
            compile(rule, "rule");
        } catch (InvalidCampaignException e) {
            errors.putAll(e.fields());
        }
        if (!errors.isEmpty()) {
            throw new InvalidCampaignException(errors);
        }
        Instant now = clock.instant();
        long saved = store.inTransaction(tx -> {
            if (id == null) {
                return repo.insertSegment(tx.handle(), cleanName, description, rule, actor.userId(), now);
            }
            if (!repo.updateSegment(tx.handle(), id, cleanName, description, rule, now)) {
                throw new NoSuchElementException("No segment " + id);
            }
            return id;
        });
        return segment(saved).orElseThrow();
    }

    void deleteSegment(long id) {
        store.inTransaction(tx -> {
            if (repo.campaignsUsing(tx.handle(), id) > 0) {
                throw new CampaignStateException("segment_in_use", "Campaigns use this segment; change them first");
            }
            if (!repo.deleteSegment(tx.handle(), id)) {
                throw new NoSuchElementException("No segment " + id);
            }
            return null;
        });
    }

    CompiledSegment compile(Rule rule, String field) {
        CompiledSegment compiled = SegmentCompiler.compile(rule, field, clock);
        if (compiled.usesConsent() && !consentViewAvailable.getAsBoolean()) {
            throw new CampaignStateException("compliance_unavailable",
                    "Consent conditions need the compliance bundle, which is not running");
        }
        return compiled;
    }

    // --- campaigns ---

    List<Campaign> campaigns() {
        return store.jdbi().withHandle(repo::campaigns);
    }

    java.util.Optional<Campaign> campaign(long id) {
        return store.jdbi().withHandle(h -> repo.campaign(h, id, false));
    }

    Campaign create(CampaignInput input, Principal actor) {
        Valid v = validate(input);
        Instant now = clock.instant();
        long id = store.inTransaction(tx -> repo.insertCampaign(tx.handle(), v.name, input.channel(), input.purpose(), input.segmentId(),
                v.definition, v.rateLimit, v.scheduled ? "scheduled" : "draft", v.scheduleAt, actor.userId(), now));
        return campaign(id).orElseThrow();
    }

    Campaign update(long id, CampaignInput input, Principal actor) {
        Valid v = validate(input);
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            Campaign c = existing(tx.handle(), id, true);
            if (c.status().equals("running") || c.status().equals("paused")) {
                throw new CampaignStateException("run_active", "The campaign is " + c.status() + "; cancel or finish its run first");
            }
            String status = v.scheduled ? "scheduled" : c.status().equals("scheduled") ? "draft" : c.status();
            repo.updateCampaign(tx.handle(), id, v.name, input.channel(), input.purpose(), input.segmentId(), v.definition, v.rateLimit,
                    status, v.scheduleAt, now);
            return null;
        });
        return campaign(id).orElseThrow();
    }

    void delete(long id) {
        store.inTransaction(tx -> {
            Campaign c = existing(tx.handle(), id, true);
            if (c.status().equals("running") || c.status().equals("paused")) {
                throw new CampaignStateException("run_active", "The campaign is " + c.status() + "; cancel its run first");
            }
            repo.deleteCampaign(tx.handle(), id);
            return null;
        });
    }

    private record Valid(String name, CampaignRepository.Definition definition, int rateLimit, boolean scheduled, Instant scheduleAt) {}

    private Valid validate(CampaignInput in) {
        if (in == null) {
            throw new InvalidCampaignException("body", "a campaign is required");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.put("name", "must be 1 to 200 characters");
        }
        if (in.channel() == null || !CHANNELS.contains(in.channel())) {
            errors.put("channel", "must be email, sms or webchat");
        }
        if (in.purpose() == null || !PURPOSES.contains(in.purpose())) {
            errors.put("purpose", "must be care or marketing");
        }
        if ((in.segment() == null) == (in.segmentId() == null)) {
            errors.put("segment", "give either an inline segment or a saved segmentId");
        } else if (in.segment() != null) {
            collect(errors, () -> compile(in.segment(), "segment"));
        } else if (segment(in.segmentId()).isEmpty()) {
            errors.put("segmentId", "no segment " + in.segmentId());
        }
        int rate = in.rateLimit() == null ? settings.defaultRateLimit() : in.rateLimit();
        if (rate < 1 || rate > MAX_RATE) {
            errors.put("rateLimit", "must be from 1 to " + MAX_RATE + " messages per second");
        }
        Schedule schedule = in.schedule() == null ? Schedule.MANUAL : in.schedule();
        errors.putAll(Schedules.check(schedule));
        if (in.articleIds() != null && in.articleIds().size() > 20) {
            errors.put("articleIds", "at most 20 articles");
        } else {
            String purpose = in.purpose() == null ? "care" : in.purpose();
            collect(errors, () -> renderer.prepare(0, name, in.channel(), purpose, in.templates(), in.articleIds()));
            Map<String, String> stepErrors = Steps.check(in.steps(), settings.minStepDelaySeconds());
            errors.putAll(stepErrors);
            if (in.steps() != null && in.steps().size() <= Steps.MAX_STEPS) {
                for (int i = 0; i < in.steps().size(); i++) {
                    Step step = in.steps().get(i);
                    if (step != null) {
                        String field = Steps.field(i, "templates");
                        collect(errors, () -> renderer.prepare(0, name, in.channel(), purpose, step.templates(), in.articleIds(), field));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCampaignException(errors);
        }
        var def = new CampaignRepository.Definition(in.segment(), Map.copyOf(in.templates()),
                in.articleIds() == null ? List.of() : List.copyOf(in.articleIds()), schedule,
                in.steps() == null ? List.of() : in.steps().stream().map(st -> new Step(st.delay().strip(), Map.copyOf(st.templates()))).toList());
        Instant next = Schedules.next(schedule, clock.instant());
        return new Valid(name, def, rate, next != null, next);
    }

    private static void collect(Map<String, String> errors, Runnable check) {
        try {
            check.run();
        } catch (InvalidCampaignException e) {
            errors.putAll(e.fields());
        }
    }

    private Campaign existing(Handle h, long id, boolean lock) {
        return repo.campaign(h, id, lock).orElseThrow(() -> new NoSuchElementException("No campaign " + id));
    }

    private Rule ruleOf(Handle h, Campaign c) {
        if (c.segment() != null) {
            return c.segment();
        }
        return repo.segments(h, c.segmentId()).stream().findFirst().map(Segment::rule)
                .orElseThrow(() -> new CampaignStateException("segment_missing", "The campaign's saved segment no longer exists"));
    }

    // --- runs ---

    CampaignStats launch(long id, Principal actor) {
        return launch(id, false);
    }

    /**
     * Starts a run. {@code scheduled}: started by its schedule (only if still scheduled; an empty
     * segment then records an empty completed run instead of refusing).
     */
    CampaignStats launch(long id, boolean scheduled) {
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            Campaign c = existing(h, id, true);
            if (scheduled && !c.status().equals("scheduled")) {
                return null;
            }
            if (c.status().equals("running") || c.status().equals("paused")) {
                throw new CampaignStateException("run_active", "The campaign is " + c.status() + " already");
            }
            CompiledSegment segment = compile(ruleOf(h, c), "segment");
            int runNo = c.runs() + 1;
            long runId = repo.insertRun(h, id, runNo, now);
            if (Schedules.triggered(c.schedule())) {
                // listens from now on: recipients are added by their events
                repo.setStatus(h, id, "running", runNo, now);
                return repo.stats(h, runId, runNo, "running");
            }
            int targeted = repo.materialise(h, runId, segment, now);
            if (targeted == 0) {
                if (!scheduled) {
                    throw new CampaignStateException("empty_segment", "The segment matches no contact: nothing was launched");
                }
                repo.setRunState(h, runId, "running", "completed", now);
                repo.setStatus(h, id, "completed", runNo, now);
                afterRun(h, c, now);
                return repo.stats(h, runId, runNo, "completed");
            }
            repo.setStatus(h, id, "running", runNo, now);
            return repo.stats(h, runId, runNo, "running");
        });
    }

    /** After a run ends: a recurring campaign is scheduled again for its next fire time. */
    void afterRun(Handle h, Campaign c, Instant now) {
        if (Schedules.recurring(c.schedule())) {
            Instant next = Schedules.next(c.schedule(), now);
            if (next != null) {
                repo.reschedule(h, c.id(), next, now);
            }
        }
    }

    /**
     * An event happened: every running campaign triggered by it adds the concerned contacts that
     * match its segment to its run (each contact once per run; a repeated event adds nobody).
     *
     * @return how many recipients were added
     */
    int trigger(String event, java.util.Collection<Long> clientIds, Long contactId) {
        if (clientIds.isEmpty() && contactId == null) {
            return 0;
        }
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            int added = 0;
            for (Campaign c : repo.campaigns(h)) {
                if (!c.status().equals("running") && !c.status().equals("paused")) {
                    continue;
                }
                if (!Schedules.triggered(c.schedule()) || !event.equals(c.schedule().event())) {
                    continue;
                }
                var run = repo.latestRun(h, c.id());
                if (run.isEmpty()) {
                    continue;
                }
                CompiledSegment segment = SegmentCompiler.compile(ruleOf(h, c), "segment", clock);
                added += repo.addRecipients(h, ((Number) run.get().get("id")).longValue(), segment, List.copyOf(clientIds), contactId, now);
            }
            return added;
        });
    }

    /** Pauses the run: no further batch, and its messages still waiting in the outbox (deferred ones included) are withdrawn. */
    CampaignStats pause(long id) {
        CampaignStats stats = move(id, "running", "paused", "paused");
        try {
            messenger.withdrawByPrefix(CampaignKeys.runPrefix(id, stats.run()));
        } catch (RuntimeException e) { // the reconciliation at the next start withdraws them
            LOG.warn("Campaign {} paused, but its queued messages could not be withdrawn: {}", id, e.toString());
        }
        return stats;
    }

    /** Resumes the run: batches go on, and the messages the pause withdrew are handed back to the outbox (same keys: nobody twice). */
    CampaignStats resume(long id) {
        CampaignStats stats = move(id, "paused", "running", "running");
        try {
            messenger.requeueByPrefix(CampaignKeys.runPrefix(id, stats.run()));
        } catch (RuntimeException e) { // the reconciliation at the next start requeues them
            LOG.warn("Campaign {} resumed, but its withdrawn messages could not be requeued yet: {}", id, e.toString());
        }
        return stats;
    }

    /**
     * Cancels the run: its recipients not messaged yet and pending steps are cancelled, and its messages still waiting in
     * the outbox are withdrawn for good and recorded as cancelled ({@code withdrawn}). A completed run can be cancelled
     * too, for the messages it handed over that still wait (e.g. deferred by quiet hours).
     */
    CampaignStats cancel(long id) {
        Instant now = clock.instant();
        CampaignStats stats = store.inTransaction(tx -> {
            Handle h = tx.handle();
            Campaign c = existing(h, id, true);
            var run = repo.latestRun(h, id).orElseThrow(() -> new CampaignStateException("not_running", "The campaign has no run"));
            long runId = ((Number) run.get("id")).longValue();
            String state = (String) run.get("state");
            if (!state.equals("running") && !state.equals("paused") && !state.equals("completed")) {
                throw new CampaignStateException("not_running", "The latest run is " + state);
            }
            repo.setRunState(h, runId, state, "cancelled", now);
            repo.cancelPending(h, runId, now);
            repo.setStatus(h, c.id(), "cancelled", null, now);
            return repo.stats(h, runId, ((Number) run.get("run_no")).intValue(), "cancelled");
        });
        try {
            withdrawn(id, stats.run(), messenger.withdrawByPrefix(CampaignKeys.runPrefix(id, stats.run())));
        } catch (RuntimeException e) { // the reconciliation at the next start withdraws them
            LOG.warn("Campaign {} cancelled, but its queued messages could not be withdrawn: {}", id, e.toString());
            return stats;
        }
        return stats(id, stats.run());
    }

    /** Records the recipients (and steps) of run {@code runNo} whose messages were withdrawn for good. */
    void withdrawn(long id, int runNo, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            repo.runId(tx.handle(), id, runNo).ifPresent(runId -> repo.withdrawn(tx.handle(), runId,
                    keys.stream().map(CampaignKeys::parse).flatMap(java.util.Optional::stream).toList(), now));
            return null;
        });
    }

    private CampaignStats move(long id, String from, String to, String campaignStatus) {
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            existing(h, id, true);
            var run = repo.latestRun(h, id).orElseThrow(() -> new CampaignStateException("not_" + from, "The campaign has no run"));
            long runId = ((Number) run.get("id")).longValue();
            if (!repo.setRunState(h, runId, from, to, now)) {
                throw new CampaignStateException("not_" + from, "The latest run is " + run.get("state") + ", not " + from);
            }
            repo.setStatus(h, id, campaignStatus, null, now);
            return repo.stats(h, runId, ((Number) run.get("run_no")).intValue(), to);
        });
    }

    CampaignStats stats(long id, int runNo) {
        return store.jdbi().withHandle(h -> {
            existing(h, id, false);
            var run = run(h, id, runNo);
            if (run == null) {
                return new CampaignStats(0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
            }
            return repo.stats(h, ((Number) run.get("id")).longValue(), ((Number) run.get("run_no")).intValue(), (String) run.get("state"));
        });
    }

    List<Recipient> recipients(long id, int runNo, int page, int size) {
        if (page < 1 || size < 1 || size > 1000) {
            throw new InvalidCampaignException("size", "page from 1, size from 1 to 1000");
        }
        return store.jdbi().withHandle(h -> {
            existing(h, id, false);
            var run = run(h, id, runNo);
            if (run == null) {
                return List.of();
            }
            return repo.recipients(h, ((Number) run.get("id")).longValue(), ((Number) run.get("run_no")).intValue(), page, size);
        });
    }

    private Map<String, Object> run(Handle h, long id, int runNo) {
        if (runNo <= 0) {
            return repo.latestRun(h, id).orElse(null);
        }
        return repo.runId(h, id, runNo).map(runId -> Map.<String, Object>of("id", runId, "run_no", runNo, "state", repo.runState(h, runId)))
                .orElseThrow(() -> new NoSuchElementException("No run " + runNo + " of campaign " + id));
    }

    // --- rendering ---

    Rendered render(long id, long contactId) {
        return render(id, contactId, 0);
    }

    /** Step {@code step} of a saved campaign (0: its own templates) rendered for a contact. */
    Rendered render(long id, long contactId, int step) {
        Campaign c = campaign(id).orElseThrow(() -> new NoSuchElementException("No campaign " + id));
        checkStep(step, c.steps());
        return render(renderer.prepare(c, step), contactId);
    }

    Rendered render(CampaignInput in, long contactId) {
        return render(in, contactId, 0);
    }

    /** Step {@code step} of an unsaved definition (0: its own templates) rendered for a contact. */
    Rendered render(CampaignInput in, long contactId, int step) {
        if (in == null) {
            throw new InvalidCampaignException("body", "a campaign is required");
        }
        checkStep(step, in.steps());
        if (step > 0 && in.steps().get(step - 1) == null) {
            throw new InvalidCampaignException(Steps.field(step - 1, "templates"), "a step needs a delay and templates");
        }
        String channel = in.channel() == null ? "email" : in.channel();
        String purpose = in.purpose() == null ? "care" : in.purpose();
        String name = in.name() == null ? "" : in.name();
        return render(step == 0 ? renderer.prepare(0, name, channel, purpose, in.templates(), in.articleIds())
                : renderer.prepare(0, name, channel, purpose, in.steps().get(step - 1).templates(), in.articleIds(),
                        Steps.field(step - 1, "templates")), contactId);
    }

    private static void checkStep(int step, List<Step> steps) {
        int count = steps == null ? 0 : steps.size();
        if (step < 0 || step > count) {
            throw new InvalidCampaignException("step", count == 0 ? "the campaign has no follow-up steps: use step 0"
                    : "must be from 0 to " + count);
        }
    }

    private Rendered render(MessageRenderer.Prepared p, long contactId) {
        MemberRow member = store.jdbi().withHandle(h -> repo.members(h, List.of(contactId))).get(contactId);
        if (member == null) {
            throw new NoSuchElementException("No contact " + contactId);
        }
        try {
            return renderer.render(p, member);
        } catch (io.pebbletemplates.pebble.error.PebbleException e) {
            throw new InvalidCampaignException("templates", TemplateEngine.describe(e));
        }
    }

    String testSend(long id, long contactId, Principal actor) {
        Campaign c = campaign(id).orElseThrow(() -> new NoSuchElementException("No campaign " + id));
        Rendered r = render(renderer.prepare(c), contactId);
        String key = "campaign:" + id + ":test:" + UUID.randomUUID();
        SendOutcome outcome = messenger.send(new Outgoing(contactId, c.channel(), c.purpose(), "[TEST] " + r.subject(), r.body(), null,
                SENDER, key));
        return outcome.status() + (outcome.reasonCode() == null ? "" : ":" + outcome.reasonCode());
    }

    /** The campaign rendered for {@code contactId}, sent as {@code [TEST] …} to the caller's own email address (an internal message). */
    String testSendToSelf(long id, long contactId, Principal actor) {
        Campaign c = campaign(id).orElseThrow(() -> new NoSuchElementException("No campaign " + id));
        Rendered r = render(renderer.prepare(c), contactId);
        String key = "campaign:" + id + ":test-self:" + UUID.randomUUID();
        SendOutcome outcome = messenger.sendToStaff(new StaffOutgoing(actor.userId(), "[TEST] " + r.subject(), r.body(), null, SENDER, key,
                contactId));
        return outcome.status() + (outcome.reasonCode() == null ? "" : ":" + outcome.reasonCode());
    }

    Instant now() {
        return clock.instant();
    }
}

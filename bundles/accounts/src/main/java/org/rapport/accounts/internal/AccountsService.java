package org.rapport.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.accounts.AccountChange;
import org.rapport.accounts.AccountManager;
import org.rapport.accounts.Accounts;
import org.rapport.accounts.Alert;
import org.rapport.accounts.ClientAccount;
import org.rapport.accounts.ManagerProfile;
import org.rapport.accounts.TierOverride;
import org.rapport.accounts.internal.AccountRepository.ScoreRow;
import org.rapport.records.InvalidRecordException;
import org.rapport.records.NoSuchRecordException;
import org.rapport.records.Records;
import org.rapport.records.RecordsEvents;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.security.StaffDirectory;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account management over the records service: scoring, tiers, stages, churn alerts, manager
 * assignment. Listens to the records events and recomputes changed clients in the background.
 */
@Component(service = {Accounts.class, EventHandler.class, AccountsInsight.class}, configurationPid = AccountsConfig.PID,
        property = EventConstants.EVENT_TOPIC + "=org/rapport/records/*")
@Designate(ocd = AccountsConfig.class)
public final class AccountsService implements Accounts, EventHandler, AccountsInsight {
    private static final Logger LOG = LoggerFactory.getLogger(AccountsService.class);
    private static final int BATCH = 500;
    /** Background batches at least this large are logged with their rate. */
    private static final int LOGGED_BATCH = 1000;

    private final Store store;
    private final Records records;
    private final StaffDirectory staff;
    private final Clock clock;
    private final AccountSettings settings;
    private final Assignments assignments;
    private final Scoring scoring;
    private final BackgroundWork background;

    @Activate
    public AccountsService(@Reference Store store,
            @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.accounts)") SchemaReady schema,
            @Reference Records records, @Reference StaffDirectory staff, AccountsConfig config) {
        this(store, records, staff, settings(config), Clock.systemUTC(), true);
    }

    AccountsService(Store store, Records records, StaffDirectory staff, AccountSettings settings, Clock clock, boolean background) {
        this(store, records, staff, settings, clock, background ? BackgroundWork.CATCH_UP_DELAY : null);
    }

    /**
     * @param catchUpDelay when the background thread scores the clients without a score; {@code null}: no background
     *        thread (events are ignored, nothing is scheduled)
     */
    AccountsService(Store store, Records records, StaffDirectory staff, AccountSettings settings, Clock clock, java.time.Duration catchUpDelay) {
        this.store = store;
        this.records = records;
        this.staff = staff;
        this.settings = settings;
        this.clock = clock;
        this.assignments = new Assignments(store, records, staff, settings, clock);
        this.scoring = new Scoring(store, records, settings, clock);
        this.background = catchUpDelay == null ? null : BackgroundWork.start(this, settings.recomputeCron(), catchUpDelay);
    }

    private static AccountSettings settings(AccountsConfig config) {
        try {
            return AccountSettings.of(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Account management configuration is invalid ({}); using the defaults", e.getMessage());
            return AccountSettings.defaults();
        }
    }

    @Deactivate
    void deactivate() {
        if (background != null) {
            background.stop();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- events from records ---

    @Override
    public void handleEvent(Event event) {
        if (background == null) {
            return;
        }
        String topic = event.getTopic();
        if (topic.equals(RecordsEvents.STANDING_CHANGED)) {
            return;
        }
        if (topic.equals(RecordsEvents.CLIENTS_IMPORTED)) {
            Object ids = event.getProperty(RecordsEvents.CLIENT_IDS);
            if (ids instanceof List<?> list) {
                List<Long> clientIds = list.stream().map(id -> ((Number) id).longValue()).toList();
                if (event.getProperty(RecordsEvents.JOB_ID) instanceof String jobId) {
                    background.imported(jobId, clientIds);
                } else {
                    clientIds.forEach(id -> background.enqueue(id, true));
                }
            }
            return;
        }
        if (topic.equals(RecordsEvents.IMPORT_FINISHED)) {
            if (event.getProperty(RecordsEvents.JOB_ID) instanceof String jobId) {
                background.importFinished(jobId);
            }
            return;
        }
        Object id = event.getProperty(RecordsEvents.CLIENT_ID);
        if (id instanceof Number number) {
            background.enqueue(number.longValue(), topic.equals(RecordsEvents.CLIENT_CREATED));
        }
    }

    /** Background step for a batch of clients: assign those asked (if unassigned), then recompute all. */
    void process(Map<Long, Boolean> batch) {
        long started = System.nanoTime();
        List<Long> ids = new ArrayList<>(batch.keySet());
        int scored = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            List<Long> toAssign = chunk.stream().filter(batch::get).toList();
            if (settings.autoAssign() && !toAssign.isEmpty()) {
                assignments.assignBatch(toAssign, Principal.SYSTEM);
            }
            scored += scoring.scoreAll(chunk, records.activity(chunk, today())).size();
        }
        logRate(scored, ids.size(), started);
    }

    /** A large batch (an import's clients) is worth a line with its rate. */
    private static void logRate(int scored, int of, long startedNanos) {
        if (of >= LOGGED_BATCH) {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            LOG.info("Assigned and scored {} of {} clients in {} s ({} clients/s)", scored, of, String.format("%.1f", seconds),
                    Math.round(scored / Math.max(seconds, 0.001)));
        }
    }

    // --- managers and assignment ---

    @Override
    public List<AccountManager> managers() {
        return assignments.managers();
    }

    @Override
    public Optional<AccountManager> manager(long userId) {
        return managers().stream().filter(m -> m.userId() == userId).findFirst();
    }

    @Override
    public AccountManager saveManager(long userId, ManagerProfile profile, Principal actor) {
        var member = staff.byId(userId).orElseThrow(() -> new NoSuchRecordException("staff user", userId));
        if (!member.roles().contains(Role.MANAGER)) {
            throw new InvalidRecordException("userId", "is not an account manager (needs the manager role)");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (profile.capacity() < 0 || profile.capacity() > 1000) {
            errors.put("capacity", "must be between 0 and 1000");
        }
        if (profile.seniority() < 1 || profile.seniority() > 3) {
            errors.put("seniority", "must be 1, 2 or 3");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRecordException(errors);
        }
        store.inTransaction(tx -> {
            AccountRepository.saveProfile(tx.handle(), userId, profile, clock.instant());
            return null;
        });
        AccountManager saved = manager(userId).orElseThrow();
        if (!saved.active() || saved.overCapacity()) {
            rebalance(actor); // a deactivated or shrunk manager hands clients over
        } else {
            assignments.assignWaiting(actor); // added room takes waiting clients
        }
        return manager(userId).orElseThrow();
    }

    @Override
    public Optional<Long> assign(long clientId, Principal actor) {
        return assignments.assign(clientId, actor);
    }

    @Override
    public void reassign(long clientId, long managerId, String reason, Principal actor) {
        assignments.reassign(clientId, managerId, reason, actor);
    }

    @Override
    public List<AccountChange> rebalance(Principal actor) {
        return assignments.rebalance(actor);
    }

    // --- scores ---

    @Override
    public ClientAccount recompute(long clientId) {
        List<Long> ids = List.of(clientId);
        Scoring.Scored scored = scoring.score(ids, records.activity(ids, today())).get(clientId);
        if (scored == null) {
            throw new NoSuchRecordException("client", clientId);
        }
        return view(scored.row(), scored.override());
    }

    /**
     * Assigns and scores every client that has no score yet: the new clients of the imports that
     * have finished, or of one cut off by a restart; answers how many.
     */
    int scoreUnscored() {
        return scoreUnscored(() -> false);
    }

    /** {@link #scoreUnscored()}, stopping between pages once {@code stop} holds. */
    int scoreUnscored(java.util.function.BooleanSupplier stop) {
        long started = System.nanoTime();
        int count = 0;
        long after = 0;
        while (true) {
            List<Long> ids = stop.getAsBoolean() ? List.of() : records.clientIds(after, BATCH);
            if (ids.isEmpty()) {
                logRate(count, count, started);
                return count;
            }
            Set<Long> scored = store.jdbi().withHandle(h -> AccountRepository.scored(h, ids));
            Map<Long, Boolean> missing = new LinkedHashMap<>();
            ids.stream().filter(id -> !scored.contains(id)).forEach(id -> missing.put(id, true));
            if (!missing.isEmpty()) {
                process(missing);
                count += missing.size();
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /** Clients held back from scoring until the imports running have finished (0 without the background thread). */
    long heldForImports() {
        return background == null ? 0 : background.held();
    }

    @Override
    public int recomputeAll() {
        int count = 0;
        long after = 0;
        LocalDate today = today();
        while (true) {
            List<Long> ids = records.clientIds(after, BATCH);
            if (ids.isEmpty()) {
                return count;
            }
            count += scoring.scoreAll(ids, records.activity(ids, today)).size();
            after = ids.get(ids.size() - 1);
        }
    }

    @Override
    public ClientAccount account(long clientId) {
        Optional<ScoreRow> row = store.jdbi().withHandle(h -> AccountRepository.score(h, clientId));
        if (row.isEmpty()) {
            return recompute(clientId);
        }
        Optional<TierOverride> override = store.jdbi().withHandle(h -> AccountRepository.override(h, clientId));
        Long manager = records.client(clientId).orElseThrow(() -> new NoSuchRecordException("client", clientId)).standing().managerId();
        ScoreRow r = row.get();
        return view(new ScoreRow(r.clientId(), r.valueScore(), r.valueReasons(), r.tier(), r.tierReason(), r.stage(), r.stageReason(),
                r.stageSince(), r.churnRisk(), r.churnReasons(), r.lastContact(), r.nextFollowUp(), manager, r.computedAt()),
                override.orElse(null));
    }

    private ClientAccount view(ScoreRow row, TierOverride override) {
        LocalDate today = today();
        int overdue = row.nextFollowUp().isBefore(today) ? (int) (today.toEpochDay() - row.nextFollowUp().toEpochDay()) : 0;
        return new ClientAccount(row.clientId(), row.valueScore(), row.valueReasons(), row.tier(), row.tierReason(), override,
                row.stage(), row.stageReason(), row.churnRisk(), row.churnReasons(), row.managerId(), row.lastContact(),
                row.nextFollowUp(), overdue, row.computedAt());
    }

    @Override
    public ClientAccount overrideTier(long clientId, String tier, String reason, LocalDate expiresOn, Principal actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String id = tier == null ? null : tier.strip().toLowerCase(java.util.Locale.ROOT);
        if (id == null || !settings.tiers().contains(id)) {
            errors.put("tier", "must be one of " + String.join(", ", settings.tiers()));
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "is required");
        } else if (reason.length() > 500) {
            errors.put("reason", "must be at most 500 characters");
        }
        if (expiresOn != null && expiresOn.isBefore(today())) {
            errors.put("expiresOn", "must not be in the past");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRecordException(errors);
        }
        records.client(clientId).orElseThrow(() -> new NoSuchRecordException("client", clientId));
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            AccountRepository.saveOverride(tx.handle(), clientId, new TierOverride(id, reason.strip(), expiresOn, actor.userId(), now));
            AccountRepository.addChange(tx.handle(), new AccountChange(clientId, "override", null, id,
                    reason.strip() + (expiresOn == null ? "" : " (until " + expiresOn + ")"), actor.userId(), now));
            return null;
        });
        return recompute(clientId);
    }

    @Override
    public ClientAccount clearOverride(long clientId, Principal actor) {
        records.client(clientId).orElseThrow(() -> new NoSuchRecordException("client", clientId));
        store.inTransaction(tx -> {
            if (AccountRepository.deleteOverride(tx.handle(), clientId)) {
                AccountRepository.addChange(tx.handle(), new AccountChange(clientId, "override", "set", null, "override removed",
                        actor.userId(), clock.instant()));
            }
            return null;
        });
        return recompute(clientId);
    }

    @Override
    public List<AccountChange> changes(long clientId, int limit) {
        return store.jdbi().withHandle(h -> AccountRepository.changes(h, clientId, Math.max(1, Math.min(limit, 500))));
    }

    @Override
    public List<Alert> alerts(long managerId, boolean includeRead, int limit) {
        return store.jdbi().withHandle(h -> AccountRepository.alerts(h, managerId, includeRead, Math.max(1, Math.min(limit, 500))));
    }

    @Override
    public void markRead(long alertId, long managerId) {
        boolean done = store.inTransaction(tx -> AccountRepository.markRead(tx.handle(), alertId, managerId, clock.instant()));
        if (!done) {
            throw new NoSuchRecordException("unread alert", alertId);
        }
    }

    // --- overview for dashboards ---

    @Override
    public Map<String, Object> overview(Long managerId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tiers", records.countBy("tier"));
        out.put("stages", records.countBy("stage"));
        long[] buckets = store.jdbi().withHandle(AccountRepository::riskBuckets);
        List<Map<String, Object>> risk = new ArrayList<>();
        for (int i = 0; i < buckets.length; i++) {
            risk.add(Map.of("from", i * 20, "to", i == 4 ? 100 : i * 20 + 19, "count", buckets[i]));
        }
        out.put("risk", risk);
        out.put("workload", managers().stream().map(m -> Map.of("userId", m.userId(), "displayName", m.displayName(), "load", m.load(),
                "capacity", m.capacity(), "active", m.active())).toList());
        out.put("overdueFollowUps", store.jdbi().withHandle(h -> AccountRepository.overdueCount(h, managerId, today())));
        return out;
    }

    @Override
    public List<Map<String, Object>> overdue(Long managerId, int limit) {
        LocalDate today = today();
        List<Map<String, Object>> out = new ArrayList<>();
        for (var entry : store.jdbi().withHandle(h -> AccountRepository.overdue(h, managerId, today, Math.max(1, Math.min(limit, 500))))) {
            records.client(entry.getKey()).ifPresent(c -> out.add(Map.of("clientId", c.id(), "name", c.name(),
                    "tier", String.valueOf(c.standing().tier()), "dueOn", entry.getValue().toString(),
                    "daysOverdue", today.toEpochDay() - entry.getValue().toEpochDay())));
        }
        return out;
    }

    Set<String> tiers() {
        return Set.copyOf(settings.tiers());
    }
}

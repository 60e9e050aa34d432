package org.rapport.compliance.internal.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.compliance.ComplianceEvents;
import org.rapport.compliance.PersonalDataProvider;
import org.rapport.compliance.RetentionAction;
import org.rapport.compliance.RetentionKind;
import org.rapport.compliance.internal.Schedule;
import org.rapport.compliance.internal.dsr.Providers;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.rapport.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention rules per kind of data (kinds contributed by the {@link PersonalDataProvider}s, periods
 * and actions set by admins) and their runs: on the configured schedule or by hand, each enabled
 * rule deletes or anonymises what is older than its period, and the run is stored with a report.
 * One run at a time.
 */
@Component(service = RetentionService.class, configurationPid = RetentionConfig.PID)
@Designate(ocd = RetentionConfig.class)
public final class RetentionService {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);
    static final int MAX_DAYS = 36_500;

    private final Store store;
    private final Providers providers;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Schedule schedule;

    @Activate
    public RetentionService(@Reference Store store, @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema,
            @Reference Providers providers, RetentionConfig config) {
        this(store, providers, Clock.systemUTC(), config.schedule());
        schedule.submit(() -> store.jdbi().useHandle(h -> RetentionRepository.interrupted(h, clock.instant())));
    }

    /** Without OSGi (tests): over {@code store}, with the given collaborators and clock. */
    public static RetentionService create(Store store, Providers providers, Clock clock, String cron) {
        return new RetentionService(store, providers, clock, cron);
    }

    private RetentionService(Store store, Providers providers, Clock clock, String cron) {
        this.store = store;
        this.providers = providers;
        this.clock = clock;
        this.schedule = Schedule.start("rapport-retention", "retention run", cron, () -> runNow("schedule"));
    }

    @Deactivate
    public void stop() {
        schedule.stop();
    }

    /** Every kind of every provider with the rule in force. */
    public List<RetentionRule> rules() {
        Map<String, RetentionRepository.Stored> stored = store.jdbi().withHandle(RetentionRepository::rules);
        List<RetentionRule> rules = new ArrayList<>();
        for (PersonalDataProvider provider : providers.all()) {
            for (RetentionKind kind : kinds(provider)) {
                RetentionRepository.Stored rule = stored.get(provider.name() + "/" + kind.id());
                rules.add(rule == null
                        ? new RetentionRule(provider.name(), kind.id(), kind.labelEn(), kind.labelZh(), kind.defaultDays(), kind.actions().get(0),
                                kind.actions(), true, kind.defaultDays(), false, null, null)
                        : new RetentionRule(provider.name(), kind.id(), kind.labelEn(), kind.labelZh(), rule.days(), rule.action(), kind.actions(),
                                rule.enabled(), kind.defaultDays(), true, rule.updatedBy(), rule.updatedAt()));
            }
        }
        return rules;
    }

    private static List<RetentionKind> kinds(PersonalDataProvider provider) {
        try {
            return provider.retentionKinds();
        } catch (RuntimeException e) {
            LOG.warn("Personal-data provider {} failed to list its retention kinds: {}", provider.name(), e.toString());
            return List.of();
        }
    }

    /**
     * Sets the rule of a kind.
     *
     * @throws IllegalArgumentException for an unknown provider or kind, days outside 1..36500, or an action the kind does not support
     */
    public RetentionRule setRule(String provider, String kind, int days, RetentionAction action, boolean enabled, Principal actor) {
        RetentionRule current = rules().stream().filter(r -> r.provider().equals(provider) && r.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No kind of data '" + kind + "' from '" + provider + "'"));
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS);
        }
        if (!current.actions().contains(action)) {
            throw new IllegalArgumentException("This kind of data can only be " + current.actions().stream().map(RetentionAction::id).toList());
        }
        store.jdbi().useHandle(h -> RetentionRepository.save(h, new RetentionRepository.Stored(provider, kind, days, action, enabled,
                actor.displayName(), clock.instant())));
        return rules().stream().filter(r -> r.provider().equals(provider) && r.kind().equals(kind)).findFirst().orElseThrow();
    }

    /** Starts a run on the retention thread; returns its id, or empty when one is already running. */
    public Optional<Long> start(String trigger) {
        Optional<Long> id = begin(trigger);
        id.ifPresent(run -> schedule.submit(() -> execute(run)));
        return id;
    }

    /** Runs now on the calling thread (the schedule, tests); returns the finished run, or empty when one is already running. */
    public Optional<RetentionRun> runNow(String trigger) {
        Optional<Long> id = begin(trigger);
        if (id.isEmpty()) {
            LOG.info("Retention run skipped: another one is running");
            return Optional.empty();
        }
        execute(id.get());
        return run(id.get());
    }

    /** Claims the one run slot and records the run's start; empty when a run is going on. */
    private Optional<Long> begin(String trigger) {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.jdbi().withHandle(h -> RetentionRepository.start(h, clock.instant(), trigger)));
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    private void execute(long id) {
        try {
            List<Map<String, Object>> report = new ArrayList<>();
            long affected = 0;
            boolean ok = true;
            Instant now = clock.instant();
            for (RetentionRule rule : rules()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("provider", rule.provider());
                line.put("kind", rule.kind());
                if (!rule.enabled()) {
                    line.put("skipped", "disabled");
                    report.add(line);
                    continue;
                }
                Instant cutoff = now.minus(Duration.ofDays(rule.days()));
                line.put("days", rule.days());
                line.put("action", rule.action().id());
                line.put("cutoff", cutoff.toString());
                try {
                    PersonalDataProvider provider = providers.named(rule.provider()).orElseThrow(() -> new IllegalStateException("provider gone"));
                    long count = provider.applyRetention(rule.kind(), cutoff, rule.action());
                    line.put("count", count);
                    affected += count;
                } catch (RuntimeException e) {
                    ok = false;
                    line.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    LOG.warn("Retention of {}/{} failed: {}", rule.provider(), rule.kind(), e.toString());
                }
                report.add(line);
            }
            long total = affected;
            boolean allOk = ok;
            String json = json(report);
            store.inTransaction(tx -> {
                RetentionRepository.finish(tx.handle(), id, clock.instant(), allOk, total, json);
                tx.emit(ComplianceEvents.RETENTION_RUN, Map.of(ComplianceEvents.RUN_ID, id));
                return null;
            });
            LOG.info("Retention run {}: {} records deleted or anonymised{}", id, total, allOk ? "" : " (some rules failed)");
        } finally {
            running.set(false);
        }
    }

    public List<RetentionRun> runs(int limit) {
        return store.jdbi().withHandle(h -> RetentionRepository.runs(h, limit));
    }

    public Optional<RetentionRun> run(long id) {
        return store.jdbi().withHandle(h -> RetentionRepository.run(h, id));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

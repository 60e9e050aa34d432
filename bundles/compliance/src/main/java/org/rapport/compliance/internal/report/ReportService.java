package org.rapport.compliance.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.internal.Csv;
import org.rapport.compliance.internal.Schedule;
import org.rapport.compliance.internal.audit.AuditTrail;
import org.rapport.compliance.internal.audit.Verification;
import org.rapport.compliance.internal.dsr.RequestRepository;
import org.rapport.compliance.internal.gate.DecisionRepository;
import org.rapport.compliance.internal.monitor.Alerts;
import org.rapport.compliance.internal.monitor.MonitorConfig;
import org.rapport.compliance.internal.policy.Policies;
import org.rapport.compliance.internal.policy.Policy;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.rapport.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance report over a period: consents given and withdrawn (and opt-outs in force), the
 * gate's decisions (blocked and deferred sends by reason), alerts raised and open, data-subject
 * requests, retention runs, audit activity with a fresh chain verification, and policy
 * acknowledgements. Made on demand and, on the configured schedule, for the month before; stored,
 * viewable as JSON and downloadable as CSV.
 */
@Component(service = ReportService.class, configurationPid = MonitorConfig.PID)
public final class ReportService {
    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** A report's header without its body. */
    public record Summary(long id, Instant from, Instant to, Instant generatedAt, String generatedBy) {
    }

    private final Store store;
    private final Alerts alerts;
    private final AuditTrail trail;
    private final Policies policies;
    private final Clock clock;
    private final ZoneId zone;
    private final Schedule schedule;

    @Activate
    public ReportService(@Reference Store store, @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema,
            @Reference Alerts alerts, @Reference AuditTrail trail, @Reference Policies policies, MonitorConfig config) {
        this(store, alerts, trail, policies, Clock.systemUTC(), zone(config.timeZone()), config.reportSchedule());
    }

    /** Without OSGi (tests): over {@code store}, with the given collaborators and clock. */
    public static ReportService create(Store store, Alerts alerts, AuditTrail trail, Policies policies, Clock clock, ZoneId zone, String cron) {
        return new ReportService(store, alerts, trail, policies, clock, zone, cron);
    }

    private ReportService(Store store, Alerts alerts, AuditTrail trail, Policies policies, Clock clock, ZoneId zone, String cron) {
        this.store = store;
        this.alerts = alerts;
        this.trail = trail;
        this.policies = policies;
        this.clock = clock;
        this.zone = zone;
        this.schedule = Schedule.start("rapport-compliance-report", "compliance report", cron, this::previousMonth);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    @Deactivate
    public void stop() {
        schedule.stop();
    }

    private void previousMonth() {
        LocalDate first = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1);
        long id = generate(first.minusMonths(1).atStartOfDay(zone).toInstant(), first.atStartOfDay(zone).toInstant(), "schedule");
        LOG.info("Compliance report {} for {} made", id, first.minusMonths(1).getMonth());
    }

    /** Makes and stores the report over {@code [from, to)}; returns its id. */
    public long generate(Instant from, Instant to, String by) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The period must end after it starts");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", from.toString());
        period.put("to", to.toString());
        body.put("period", period);
        store.jdbi().useHandle(h -> {
            Map<String, Object> consents = new LinkedHashMap<>();
            consents.put("changes", ReportRepository.consentChanges(h, from, to, "channel"));
            consents.put("bySource", ReportRepository.consentChanges(h, from, to, "source"));
            consents.put("optedOutNow", ReportRepository.optedOut(h));
            body.put("consents", consents);
            Map<String, Long> decisions = DecisionRepository.summary(h, from, to);
            Map<String, Object> gate = new LinkedHashMap<>();
            gate.put("decisions", decisions);
            gate.put("allowed", sum(decisions, "ALLOW/"));
            gate.put("blocked", sum(decisions, "DENY/"));
            gate.put("deferred", sum(decisions, "DEFER/"));
            body.put("gate", gate);
            body.put("requests", RequestRepository.counts(h, from, to));
            body.put("retention", ReportRepository.retention(h, from, to));
            Map<String, Object> audit = new LinkedHashMap<>();
            audit.put("entries", ReportRepository.auditActions(h, from, to));
            body.put("audit", audit);
        });
        Map<String, Object> alertSection = new LinkedHashMap<>();
        alertSection.put("raised", alerts.raised(from, to));
        alertSection.put("byStatusNow", alerts.countsByStatus());
        body.put("alerts", alertSection);
        Verification verification = trail.verify();
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("ok", verification.ok());
        chain.put("checked", verification.checked());
        chain.put("firstBroken", verification.firstBroken());
        chain.put("problem", verification.problem());
        ((Map<String, Object>) body.get("audit")).put("verification", chain);
        List<Map<String, Object>> policyLines = new ArrayList<>();
        for (Policy p : policies.mine(Principal.SYSTEM).stream().map(Policies.Mine::policy).toList()) {
            Policies.Standing standing = policies.standing(p.id());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", p.code());
            line.put("version", p.version());
            line.put("title", p.title());
            line.put("acknowledged", standing.acknowledged().size());
            line.put("pending", standing.pending().size());
            policyLines.add(line);
        }
        body.put("policies", policyLines);
        String json = json(body);
        return store.jdbi().withHandle(h -> ReportRepository.insert(h, from, to, clock.instant(), by, json));
    }

    private static long sum(Map<String, Long> counts, String prefix) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    public List<Summary> list(int limit) {
        return store.jdbi().withHandle(h -> ReportRepository.list(h, limit)).stream()
                .map(r -> new Summary(r.id(), r.from(), r.to(), r.generatedAt(), r.generatedBy())).toList();
    }

    /** The report's header and body. */
    public Optional<Map<String, Object>> report(long id) {
        return store.jdbi().withHandle(h -> ReportRepository.byId(h, id)).map(r -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", r.id());
            json.put("from", r.from());
            json.put("to", r.to());
            json.put("generatedAt", r.generatedAt());
            json.put("generatedBy", r.generatedBy());
            try {
                json.put("body", Json.mapper().readValue(r.body(), MAP));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Report " + id + " is not readable", e);
            }
            return json;
        });
    }

    /** The report as CSV: section, item, value — one line per figure. */
    public Optional<String> csv(long id) {
        return report(id).map(report -> {
            StringBuilder out = new StringBuilder("\uFEFF").append(Csv.line(List.of("section", "item", "value")));
            out.append(Csv.line(List.of("report", "id", report.get("id"))));
            out.append(Csv.line(List.of("report", "from", report.get("from"))));
            out.append(Csv.line(List.of("report", "to", report.get("to"))));
            flatten("", report.get("body"), out);
            return out.toString();
        });
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String path, Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), out);
            }
        } else {
            int dot = path.indexOf('.');
            out.append(Csv.line(List.of(dot < 0 ? path : path.substring(0, dot), dot < 0 ? "" : path.substring(dot + 1),
                    value == null ? "" : value)));
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

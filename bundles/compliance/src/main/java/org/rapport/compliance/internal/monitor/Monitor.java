package org.rapport.compliance.internal.monitor;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.compliance.Decision;
import org.rapport.compliance.GateDecision;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.internal.Schedule;
import org.rapport.compliance.internal.audit.AuditListener;
import org.rapport.compliance.internal.audit.AuditRow;
import org.rapport.compliance.internal.audit.AuditTrail;
import org.rapport.compliance.internal.audit.Verification;
import org.rapport.compliance.internal.gate.DecisionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring rules, watching in real time: a send to an opted-out contact attempted, a
 * frequency cap hit (gate decisions); a bulk export, many exports or many record reads by one user
 * in a short time, client data accessed outside working hours (audit entries); and, on its schedule,
 * a failed verification of the audit chain. Rules decide in memory on the caller's thread; alerts
 * are written on the monitor's own thread.
 */
@Component(service = {DecisionListener.class, AuditListener.class, Monitor.class}, configurationPid = MonitorConfig.PID)
@Designate(ocd = MonitorConfig.class)
public final class Monitor implements DecisionListener, AuditListener {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Alerts alerts;
    private final AuditTrail trail;
    private final Clock clock;
    private final WorkingHours hours;
    private final Burst reads;
    private final Burst exports;
    private final int bulkExportSize;
    private final Schedule verifier;
    private volatile Verification lastVerification;

    @Activate
    public Monitor(@Reference Alerts alerts, @Reference AuditTrail trail, MonitorConfig config) {
        this(alerts, trail, config, Clock.systemUTC(), config.verifySchedule());
    }

    Monitor(Alerts alerts, AuditTrail trail, MonitorConfig config, Clock clock, String verifyCron) {
        this.alerts = alerts;
        this.trail = trail;
        this.clock = clock;
        this.hours = WorkingHours.parse(config.workingHours(), config.workingDays(), config.timeZone());
        this.reads = Burst.parse(config.readBurst(), "500/10m");
        this.exports = Burst.parse(config.exportBurst(), "3/1h");
        this.bulkExportSize = Math.max(1, config.bulkExportSize());
        this.verifier = Schedule.start("rapport-compliance-monitor", "audit chain check", verifyCron, this::verifyChain);
    }

    @Deactivate
    void stop() {
        verifier.stop();
    }

    @Override
    public void decided(OutboundRequest request, GateDecision decision, boolean dryRun) {
        if (dryRun || decision.decision() != Decision.DENY) {
            return;
        }
        String purpose = request.purpose().id();
        if ("opted_out".equals(decision.reasonCode())) {
            raise(new AlertDraft("opted_out_send", "warning",
                    "opted_out_send/" + request.sender() + "/" + request.contactId() + "/" + request.channel() + "/" + purpose,
                    "A " + purpose + " message to a contact who opted out was attempted",
                    request.sender() + " tried to send a " + purpose + " message by " + request.channel() + " to contact #" + request.contactId()
                            + ", who opted out; the gate denied it (decision #" + decision.id() + ")",
                    null, null, request.contactId()));
        } else if ("frequency_cap".equals(decision.reasonCode())) {
            raise(new AlertDraft("frequency_cap", "info",
                    "frequency_cap/" + request.contactId() + "/" + purpose + "/" + clock.instant().atZone(hours.zone()).toLocalDate(),
                    "The " + purpose + " frequency cap of a contact was hit",
                    decision.reason() + ": " + request.sender() + " by " + request.channel() + " to contact #" + request.contactId()
                            + " (decision #" + decision.id() + ")",
                    null, null, request.contactId()));
        }
    }

    @Override
    public void appended(List<AuditRow> rows) {
        for (AuditRow row : rows) {
            if ("SYSTEM".equals(row.actorKind()) || "audit".equals(row.entity())) {
                continue;
            }
            if (!hours.inside(row.at())) {
                raise(new AlertDraft("after_hours", "info", "after_hours/" + row.actorId() + "/" + row.at().atZone(hours.zone()).toLocalDate(),
                        "Client data accessed outside working hours",
                        row.actorName() + " (" + row.via() + ") did '" + row.action() + "' on " + row.entity() + " at "
                                + LOCAL.format(row.at().atZone(hours.zone())) + " " + hours.zone().getId() + " (working hours " + hours
                                + "); audit entry #" + row.seq(),
                        row.actorId(), row.clientId(), row.contactId()));
            }
            if ("export".equals(row.action())) {
                boolean everything = row.idCount() == 0;
                if (everything || row.idCount() >= bulkExportSize) {
                    raise(new AlertDraft("bulk_export", "warning", "bulk_export/" + row.seq(), "A bulk export of client data",
                            row.actorName() + " exported " + (everything ? "a large selection of" : row.idCount()) + " " + row.entity()
                                    + " records (audit entry #" + row.seq() + ", " + row.request() + ")",
                            row.actorId(), row.clientId(), row.contactId()));
                }
                long total = exports.add(row.actorId(), 1, row.at());
                if (total >= 0) {
                    raise(new AlertDraft("many_exports", "warning", "many_exports/" + row.actorId(), "Many exports by one user",
                            row.actorName() + " made " + total + " exports within " + describe(exports) + " (up to audit entry #" + row.seq() + ")",
                            row.actorId(), null, null));
                }
            } else if ("read".equals(row.action())) {
                long total = reads.add(row.actorId(), Math.max(1, row.idCount()), row.at());
                if (total >= 0) {
                    raise(new AlertDraft("many_reads", "warning", "many_reads/" + row.actorId(), "Many client records read by one user",
                            row.actorName() + " read " + total + " records within " + describe(reads) + " (up to audit entry #" + row.seq() + ")",
                            row.actorId(), null, null));
                }
            }
        }
    }

    private static String describe(Burst burst) {
        long minutes = burst.window().toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    /** Verifies the audit chain now; a broken chain raises a critical alert. */
    public Verification verifyChain() {
        Verification result = trail.verify();
        lastVerification = result;
        if (!result.ok()) {
            LOG.error("The audit chain is broken at entry {}: {}", result.firstBroken(), result.problem());
            raise(new AlertDraft("chain_broken", "critical", "chain_broken/" + result.firstBroken(), "The audit log's hash chain is broken",
                    "Entry #" + result.firstBroken() + ": " + result.problem() + " (" + result.checked() + " entries verified before it)", null, null,
                    null));
        }
        return result;
    }

    /** The last scheduled or requested verification, or {@code null} before the first. */
    public Verification lastVerification() {
        return lastVerification;
    }

    private void raise(AlertDraft draft) {
        verifier.submit(() -> {
            try {
                alerts.raise(draft);
            } catch (RuntimeException e) {
                LOG.warn("Could not store a {} alert: {}", draft.rule(), e.toString());
            }
        });
    }
}

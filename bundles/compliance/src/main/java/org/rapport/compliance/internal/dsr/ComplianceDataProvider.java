package org.rapport.compliance.internal.dsr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.ConsentChange;
import org.rapport.compliance.DataTable;
import org.rapport.compliance.Erasure;
import org.rapport.compliance.PersonalDataProvider;
import org.rapport.compliance.RetentionAction;
import org.rapport.compliance.RetentionKind;
import org.rapport.compliance.internal.audit.AuditRow;
import org.rapport.compliance.internal.audit.AuditTrail;
import org.rapport.compliance.internal.consent.ConsentService;
import org.rapport.compliance.internal.gate.DecisionRepository;
import org.rapport.security.Principal;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;

/**
 * This bundle's own data about a contact as a {@link PersonalDataProvider} ({@code compliance}):
 * consents and their history, the gate's decisions, and the audit entries about the contact.
 * Erasure deletes the consents, unlinks the decisions (their addresses removed) and blanks the
 * personal parts of the audit entries (the chain still verifies); retention deletes old decisions.
 */
@Component(service = PersonalDataProvider.class)
public final class ComplianceDataProvider implements PersonalDataProvider {
    static final String DECISIONS = "gate_decisions";

    private final Store store;
    private final ConsentService consents;
    private final AuditTrail audit;

    @Activate
    public ComplianceDataProvider(@Reference Store store,
            @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.compliance)") SchemaReady schema,
            @Reference ConsentService consents, @Reference AuditTrail audit) {
        this.store = store;
        this.consents = consents;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "compliance";
    }

    @Override
    public List<DataTable> export(long contactId) {
        List<List<Object>> history = new ArrayList<>();
        for (ConsentChange c : consents.storedHistory(contactId)) {
            history.add(row(c.changedAt(), c.channel(), c.purpose().id(), c.granted(), c.source(), c.evidence(), c.actorName()));
        }
        List<List<Object>> decisions = new ArrayList<>();
        for (DecisionRepository.Row d : store.jdbi().withHandle(h -> DecisionRepository.ofContact(h, contactId))) {
            decisions.add(row(d.id(), d.decidedAt(), d.channel(), d.address(), d.purpose().id(), d.sender(), d.decision().name().toLowerCase(),
                    d.reasonCode(), d.reason(), d.dryRun()));
        }
        List<List<Object>> entries = new ArrayList<>();
        for (AuditRow a : audit.ofContact(contactId)) {
            entries.add(row(a.seq(), a.at(), a.actorName(), a.via(), a.action(), a.entity(), String.join(" ", a.entityIds()),
                    String.join(" ", a.fields()), a.reason()));
        }
        if (history.isEmpty() && decisions.isEmpty() && entries.isEmpty()) {
            return List.of();
        }
        return List.of(
                new DataTable("consents", List.of("changedAt", "channel", "purpose", "granted", "source", "evidence", "by"), history),
                new DataTable(DECISIONS, List.of("id", "decidedAt", "channel", "address", "purpose", "sender", "decision", "reasonCode",
                        "reason", "dryRun"), decisions),
                new DataTable("audit", List.of("seq", "at", "by", "via", "action", "entity", "ids", "fields", "reason"), entries));
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    @Override
    public Erasure erase(long contactId, Principal actor) {
        return store.inTransaction(tx -> {
            long consentRows = consents.erase(tx.handle(), contactId);
            long decisions = DecisionRepository.anonymise(tx.handle(), contactId);
            long entries = audit.erasePersonal(tx.handle(), contactId);
            return new Erasure(name(), List.of(
                    new Erasure.Item("consents and their history", RetentionAction.DELETE, consentRows),
                    new Erasure.Item(DECISIONS, RetentionAction.ANONYMISE, decisions),
                    new Erasure.Item("audit entries (request and reason)", RetentionAction.ANONYMISE, entries)));
        });
    }

    @Override
    public List<RetentionKind> retentionKinds() {
        return List.of(new RetentionKind(DECISIONS, "Outbound gate decisions", "外发合规检查记录", 2 * 365, List.of(RetentionAction.DELETE)));
    }

    @Override
    public long applyRetention(String kind, Instant cutoff, RetentionAction action) {
        if (!DECISIONS.equals(kind)) {
            throw new IllegalArgumentException("No retention kind '" + kind + "' in compliance");
        }
        return store.inTransaction(tx -> DecisionRepository.deleteBefore(tx.handle(), cutoff));
    }
}

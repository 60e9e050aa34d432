package org.rapport.compliance.internal.dsr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.rapport.compliance.DataTable;
import org.rapport.compliance.Erasure;
import org.rapport.compliance.PersonalDataProvider;
import org.rapport.compliance.RetentionAction;
import org.rapport.compliance.RetentionKind;
import org.rapport.records.Contact;
import org.rapport.records.ContactData;
import org.rapport.records.ContactErasure;
import org.rapport.records.FieldChange;
import org.rapport.records.FollowUp;
import org.rapport.records.Interaction;
import org.rapport.records.NoSuchRecordException;
import org.rapport.records.Records;
import org.rapport.security.Principal;

/**
 * The client records as a {@link PersonalDataProvider} ({@code records}): the contact, its
 * interactions, tasks and field history; erasure through {@link Records#eraseContact}; retention of
 * interactions (anonymised or deleted) and of the change history.
 */
@Component(service = PersonalDataProvider.class)
public final class RecordsDataProvider implements PersonalDataProvider {
    static final String INTERACTIONS = "interactions";
    static final String HISTORY = "history";

    private final Records records;

    @Activate
    public RecordsDataProvider(@Reference Records records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "records";
    }

    @Override
    public List<DataTable> export(long contactId) {
        return records.contactData(contactId).map(RecordsDataProvider::tables).orElse(List.of());
    }

    private static List<DataTable> tables(ContactData data) {
        Contact c = data.contact();
        List<DataTable> tables = new ArrayList<>();
        tables.add(new DataTable("contact", List.of("id", "clientId", "name", "title", "emails", "phones", "preferredChannel", "language",
                "timeZone", "deleted", "createdAt", "updatedAt"), List.of(row(c.id(), c.clientId(), c.name(), c.title(), c.emails(),
                c.phones(), c.preferredChannel(), c.language(), c.timeZone(), data.deleted(), c.createdAt(), c.updatedAt()))));
        List<List<Object>> interactions = new ArrayList<>();
        for (Interaction i : data.interactions()) {
            interactions.add(row(i.id(), i.occurredAt(), i.channel(), i.direction(), i.kind(), i.summary(), i.messageRef(), i.staffName()));
        }
        tables.add(new DataTable(INTERACTIONS, List.of("id", "occurredAt", "channel", "direction", "kind", "summary", "messageRef",
                "staff"), interactions));
        List<List<Object>> tasks = new ArrayList<>();
        for (FollowUp t : data.tasks()) {
            tasks.add(row(t.id(), t.title(), t.due(), t.status(), t.createdAt(), t.doneAt()));
        }
        tables.add(new DataTable("tasks", List.of("id", "title", "due", "status", "createdAt", "doneAt"), tasks));
        List<List<Object>> changes = new ArrayList<>();
        for (FieldChange f : data.changes()) {
            changes.add(row(f.id(), f.at(), f.field(), f.oldValue(), f.newValue(), f.actorName(), f.reason()));
        }
        tables.add(new DataTable("changes", List.of("id", "at", "field", "oldValue", "newValue", "by", "reason"), changes));
        return tables;
    }

    private static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    @Override
    public Erasure erase(long contactId, Principal actor) {
        ContactErasure done;
        try {
            done = records.eraseContact(contactId, "data-subject erasure", actor);
        } catch (NoSuchRecordException e) {
            return new Erasure(name(), List.of());
        }
        return new Erasure(name(), List.of(
                new Erasure.Item("contact", RetentionAction.DELETE, done.contacts()),
                new Erasure.Item("emails and phones", RetentionAction.DELETE, done.contactPoints()),
                new Erasure.Item(INTERACTIONS, RetentionAction.ANONYMISE, done.interactions()),
                new Erasure.Item("tasks", RetentionAction.ANONYMISE, done.tasks()),
                new Erasure.Item("history entries", RetentionAction.ANONYMISE, done.changes())));
    }

    @Override
    public List<RetentionKind> retentionKinds() {
        return List.of(
                new RetentionKind(INTERACTIONS, "Interactions (timeline)", "客户互动记录", 5 * 365,
                        List.of(RetentionAction.ANONYMISE, RetentionAction.DELETE)),
                new RetentionKind(HISTORY, "Change history of client records", "客户资料变更历史", 5 * 365, List.of(RetentionAction.DELETE)));
    }

    @Override
    public long applyRetention(String kind, Instant cutoff, RetentionAction action) {
        return switch (kind) {
            case INTERACTIONS -> records.removeInteractions(cutoff, action == RetentionAction.ANONYMISE, Principal.SYSTEM);
            case HISTORY -> records.removeHistory(cutoff);
            default -> throw new IllegalArgumentException("No retention kind '" + kind + "' in records");
        };
    }
}

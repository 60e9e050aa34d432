package org.rapport.records.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rapport.records.ClientInput;
import org.rapport.records.ContactInput;
import org.rapport.records.FollowUpInput;
import org.rapport.records.Standing;
import org.rapport.records.internal.ChangeRepository.Change;

/** The fields that differ between two states of a record, as history entries. */
final class Diff {
    private final String entity;
    private final long entityId;
    private final List<Change> changes = new ArrayList<>();

    private Diff(String entity, long entityId) {
        this.entity = entity;
        this.entityId = entityId;
    }

    static List<Change> client(long id, ClientInput before, ClientInput after) {
        Diff d = new Diff("client", id);
        d.field("name", before.name(), after.name());
        d.field("registrationNo", before.registrationNo(), after.registrationNo());
        d.field("industry", before.industry(), after.industry());
        d.field("region", before.region(), after.region());
        d.field("annualRevenue", before.annualRevenue(), after.annualRevenue());
        d.field("employees", before.employees(), after.employees());
        d.field("tags", before.tags(), after.tags());
        d.field("status", before.status(), after.status());
        d.field("clientSince", before.clientSince(), after.clientSince());
        return d.changes;
    }

    static List<Change> standing(long id, Standing before, Standing after) {
        Diff d = new Diff("client", id);
        d.field("tier", before.tier(), after.tier());
        d.field("stage", before.stage(), after.stage());
        d.field("managerId", before.managerId(), after.managerId());
        d.field("valueScore", before.valueScore(), after.valueScore());
        d.field("churnRisk", before.churnRisk(), after.churnRisk());
        return d.changes;
    }

    static List<Change> contact(long id, ContactInput before, ContactInput after) {
        Diff d = new Diff("contact", id);
        d.field("name", before.name(), after.name());
        d.field("title", before.title(), after.title());
        d.field("emails", before.emails(), after.emails());
        d.field("phones", before.phones(), after.phones());
        d.field("preferredChannel", before.preferredChannel(), after.preferredChannel());
        d.field("language", before.language(), after.language());
        d.field("timeZone", before.timeZone(), after.timeZone());
        return d.changes;
    }

    static List<Change> task(long id, FollowUpInput before, FollowUpInput after) {
        Diff d = new Diff("task", id);
        d.field("title", before.title(), after.title());
        d.field("due", before.due(), after.due());
        d.field("ownerId", before.ownerId(), after.ownerId());
        d.field("status", before.status(), after.status());
        d.field("contactId", before.contactId(), after.contactId());
        return d.changes;
    }

    /** A single history entry, e.g. "created" or "merged". */
    static Change event(String entity, long id, String field, String oldValue, String newValue) {
        return new Change(entity, id, field, oldValue, newValue);
    }

    private void field(String field, Object before, Object after) {
        if (!same(before, after)) {
            changes.add(new Change(entity, entityId, field, text(before), text(after)));
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}

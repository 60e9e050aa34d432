package org.rapport.records.internal;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.rapport.records.FieldChange;
import org.rapport.records.FollowUp;
import org.rapport.records.Interaction;

/** SQL for data-subject requests and retention: one contact's rows, erasing them, and removing old interactions and history. */
final class PersonalData {
    static final String ERASED = "[erased]";

    private PersonalData() {
    }

    static List<Interaction> interactions(Handle h, long contactId) {
        return h.createQuery("SELECT id, client_id, contact_id, channel, direction, kind, summary, message_ref, staff_id, staff_name, "
                        + "occurred_at FROM rec_interaction WHERE contact_id = :contact ORDER BY occurred_at, id")
                .bind("contact", contactId)
                .map((rs, ctx) -> new Interaction(rs.getLong("id"), rs.getLong("client_id"), Sql.longOrNull(rs, "contact_id"),
                        rs.getString("channel"), rs.getString("direction"), rs.getString("kind"), rs.getString("summary"),
                        rs.getString("message_ref"), Sql.longOrNull(rs, "staff_id"), rs.getString("staff_name"),
                        Sql.instant(rs, "occurred_at")))
                .list();
    }

    static List<FollowUp> tasks(Handle h, long contactId) {
        return h.createQuery("SELECT id, client_id, contact_id, title, due_on, owner_id, status, created_at, done_at FROM rec_task "
                        + "WHERE contact_id = :contact ORDER BY id")
                .bind("contact", contactId)
                .map((rs, ctx) -> new FollowUp(rs.getLong("id"), rs.getLong("client_id"), Sql.longOrNull(rs, "contact_id"),
                        rs.getString("title"), Sql.date(rs, "due_on"), Sql.longOrNull(rs, "owner_id"), rs.getString("status"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "done_at")))
                .list();
    }

    static List<FieldChange> changes(Handle h, long contactId) {
        return h.createQuery("SELECT id, entity, entity_id, client_id, field, old_value, new_value, actor_id, actor_name, reason, "
                        + "changed_at FROM rec_change WHERE entity = 'contact' AND entity_id = :contact ORDER BY changed_at, id")
                .bind("contact", contactId)
                .map((rs, ctx) -> new FieldChange(rs.getLong("id"), rs.getString("entity"), rs.getLong("entity_id"),
                        rs.getLong("client_id"), rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"),
                        rs.getLong("actor_id"), rs.getString("actor_name"), rs.getString("reason"), Sql.instant(rs, "changed_at")))
                .list();
    }

    /** The change-history values of the contact and of its tasks, removed; returns the entries changed. */
    static int eraseChanges(Handle h, long contactId, List<Long> taskIds) {
        int changed = h.createUpdate("UPDATE rec_change SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '" + ERASED + "' END, "
                        + "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '" + ERASED + "' END, reason = NULL "
                        + "WHERE entity = 'contact' AND entity_id = :contact")
                .bind("contact", contactId)
                .execute();
        if (!taskIds.isEmpty()) {
            changed += h.createUpdate("UPDATE rec_change SET old_value = CASE WHEN old_value IS NULL THEN NULL ELSE '" + ERASED + "' END, "
                            + "new_value = CASE WHEN new_value IS NULL THEN NULL ELSE '" + ERASED + "' END "
                            + "WHERE entity = 'task' AND entity_id IN (<tasks>) AND field IN ('title', 'created', 'contactId')")
                    .bindList("tasks", taskIds)
                    .execute();
        }
        return changed;
    }

    static int anonymiseInteractions(Handle h, long contactId) {
        return h.createUpdate("UPDATE rec_interaction SET summary = '" + ERASED + "', message_ref = NULL, contact_id = NULL "
                        + "WHERE contact_id = :contact")
                .bind("contact", contactId)
                .execute();
    }

    static int anonymiseTasks(Handle h, long contactId) {
        return h.createUpdate("UPDATE rec_task SET title = '" + ERASED + "', contact_id = NULL WHERE contact_id = :contact")
                .bind("contact", contactId)
                .execute();
    }

    static int deleteContact(Handle h, long contactId) {
        int points = h.createUpdate("DELETE FROM rec_contact_point WHERE contact_id = :contact").bind("contact", contactId).execute();
        h.createUpdate("DELETE FROM rec_contact WHERE id = :contact").bind("contact", contactId).execute();
        return points;
    }

    /** Client ids with interactions before {@code before} (for the events of a retention run). */
    static List<Long> clientsWithInteractionsBefore(Handle h, Instant before, boolean anonymise) {
        return h.createQuery("SELECT DISTINCT client_id FROM rec_interaction WHERE occurred_at < :before"
                        + (anonymise ? " AND summary <> '" + ERASED + "'" : ""))
                .bind("before", Sql.ts(before))
                .mapTo(Long.class)
                .list();
    }

    static int removeInteractions(Handle h, long clientId, Instant before, boolean anonymise) {
        if (anonymise) {
            return h.createUpdate("UPDATE rec_interaction SET summary = '" + ERASED + "', message_ref = NULL, contact_id = NULL "
                            + "WHERE client_id = :client AND occurred_at < :before AND summary <> '" + ERASED + "'")
                    .bind("client", clientId)
                    .bind("before", Sql.ts(before))
                    .execute();
        }
        return h.createUpdate("DELETE FROM rec_interaction WHERE client_id = :client AND occurred_at < :before")
                .bind("client", clientId)
                .bind("before", Sql.ts(before))
                .execute();
    }

    static long removeHistory(Handle h, Instant before) {
        return h.createUpdate("DELETE FROM rec_change WHERE changed_at < :before").bind("before", Sql.ts(before)).execute();
    }
}

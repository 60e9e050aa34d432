package org.rapport.compliance.internal.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.rapport.compliance.ConsentChange;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.Sql;

/** SQL for {@code cmp_consent} (current state) and {@code cmp_consent_change} (history). */
final class ConsentRepository {

    /** A stored consent row. */
    record Row(long contactId, String channel, Purpose purpose, boolean granted, String source, String evidence, long actorId,
            String actorName, Instant changedAt) {
    }

    private ConsentRepository() {
    }

    static List<Row> current(Handle h, long contactId) {
        return h.createQuery("SELECT contact_id, channel, purpose, granted, source, evidence, actor_id, actor_name, changed_at "
                        + "FROM cmp_consent WHERE contact_id = :contact")
                .bind("contact", contactId)
                .map((rs, ctx) -> row(rs))
                .list();
    }

    /** Writes the current state and appends the change; returns the change id. */
    static long record(Handle h, Row row) {
        int updated = h.createUpdate("UPDATE cmp_consent SET granted = :granted, source = :source, evidence = :evidence, "
                        + "actor_id = :actorId, actor_name = :actorName, changed_at = :at "
                        + "WHERE contact_id = :contact AND channel = :channel AND purpose = :purpose")
                .bindMap(binds(row))
                .execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO cmp_consent (contact_id, channel, purpose, granted, source, evidence, actor_id, actor_name, "
                            + "changed_at) VALUES (:contact, :channel, :purpose, :granted, :source, :evidence, :actorId, :actorName, :at)")
                    .bindMap(binds(row))
                    .execute();
        }
        return h.createUpdate("INSERT INTO cmp_consent_change (contact_id, channel, purpose, granted, source, evidence, actor_id, "
                        + "actor_name, changed_at) VALUES (:contact, :channel, :purpose, :granted, :source, :evidence, :actorId, "
                        + ":actorName, :at)")
                .bindMap(binds(row))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    private static java.util.Map<String, Object> binds(Row row) {
        java.util.Map<String, Object> binds = new java.util.HashMap<>();
        binds.put("contact", row.contactId());
        binds.put("channel", row.channel());
        binds.put("purpose", row.purpose().id());
        binds.put("granted", row.granted());
        binds.put("source", row.source());
        binds.put("evidence", row.evidence());
        binds.put("actorId", row.actorId());
        binds.put("actorName", row.actorName());
        binds.put("at", Sql.ts(row.changedAt()));
        return binds;
    }

    static List<ConsentChange> history(Handle h, long contactId) {
        return h.createQuery("SELECT id, contact_id, channel, purpose, granted, source, evidence, actor_id, actor_name, changed_at "
                        + "FROM cmp_consent_change WHERE contact_id = :contact ORDER BY id DESC")
                .bind("contact", contactId)
                .map((rs, ctx) -> new ConsentChange(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("channel"),
                        Purpose.of(rs.getString("purpose")), rs.getBoolean("granted"), rs.getString("source"), rs.getString("evidence"),
                        Sql.instant(rs, "changed_at"), rs.getLong("actor_id"), rs.getString("actor_name")))
                .list();
    }

    /** Removes a contact's consents and history (erasure); returns the rows removed. */
    static long erase(Handle h, long contactId) {
        long current = h.createUpdate("DELETE FROM cmp_consent WHERE contact_id = :contact").bind("contact", contactId).execute();
        long changes = h.createUpdate("DELETE FROM cmp_consent_change WHERE contact_id = :contact").bind("contact", contactId).execute();
        return current + changes;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("contact_id"), rs.getString("channel"), Purpose.of(rs.getString("purpose")), rs.getBoolean("granted"),
                rs.getString("source"), rs.getString("evidence"), rs.getLong("actor_id"), rs.getString("actor_name"),
                Sql.instant(rs, "changed_at"));
    }
}

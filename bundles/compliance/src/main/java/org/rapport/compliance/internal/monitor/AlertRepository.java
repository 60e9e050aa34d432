package org.rapport.compliance.internal.monitor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.rapport.compliance.internal.Sql;

/** SQL for {@code cmp_alert}. */
final class AlertRepository {

    private AlertRepository() {
    }

    /** The open (or acknowledged, not resolved) alert with this key. */
    static Optional<Long> openWithKey(Handle h, String key) {
        return h.createQuery("SELECT id FROM cmp_alert WHERE dedupe_key = :key AND status <> 'resolved' ORDER BY id DESC LIMIT 1")
                .bind("key", key).mapTo(Long.class).findOne();
    }

    static void repeat(Handle h, long id, Instant at) {
        h.createUpdate("UPDATE cmp_alert SET occurrences = occurrences + 1, last_at = :at WHERE id = :id").bind("at", Sql.ts(at)).bind("id", id)
                .execute();
    }

    static long insert(Handle h, AlertDraft d, Instant at) {
        return h.createUpdate("INSERT INTO cmp_alert (rule, severity, dedupe_key, title, detail, user_id, client_id, contact_id, status, "
                        + "occurrences, first_at, last_at) VALUES (:rule, :severity, :key, :title, :detail, :user, :client, :contact, 'open', 1, "
                        + ":at, :at)")
                .bind("rule", d.rule()).bind("severity", d.severity()).bind("key", Sql.cut(d.dedupeKey(), 300))
                .bind("title", Sql.cut(d.title(), 300)).bind("detail", Sql.cut(d.detail(), 2000)).bind("user", d.userId())
                .bind("client", d.clientId()).bind("contact", d.contactId()).bind("at", Sql.ts(at))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static int acknowledge(Handle h, long id, String by, Instant at) {
        return h.createUpdate("UPDATE cmp_alert SET status = 'acknowledged', ack_by = :by, ack_at = :at WHERE id = :id AND status = 'open'")
                .bind("by", Sql.cut(by, 200)).bind("at", Sql.ts(at)).bind("id", id).execute();
    }

    static int resolve(Handle h, long id, String by, String note, Instant at) {
        return h.createUpdate("UPDATE cmp_alert SET status = 'resolved', resolved_by = :by, resolved_at = :at, note = :note, "
                        + "ack_by = COALESCE(ack_by, :by), ack_at = COALESCE(ack_at, :at) WHERE id = :id AND status <> 'resolved'")
                .bind("by", Sql.cut(by, 200)).bind("at", Sql.ts(at)).bind("note", Sql.cut(note, 1000)).bind("id", id).execute();
    }

    static Optional<Alert> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM cmp_alert WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    static List<Alert> list(Handle h, String status, String rule, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM cmp_alert WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (status != null) {
            sql.append(" AND status = :status");
            binds.put("status", status);
        }
        if (rule != null) {
            sql.append(" AND rule = :rule");
            binds.put("rule", rule);
        }
        sql.append(" ORDER BY CASE WHEN status = 'resolved' THEN 1 ELSE 0 END, last_at DESC, id DESC LIMIT :limit OFFSET :offset");
        var query = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
        binds.forEach(query::bind);
        return query.map((rs, ctx) -> row(rs)).list();
    }

    static Map<String, Long> countsByStatus(Handle h) {
        Map<String, Long> counts = new LinkedHashMap<>();
        h.createQuery("SELECT status, COUNT(*) AS n FROM cmp_alert GROUP BY status").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Alerts first raised in a period per rule and severity: "rule/severity" → n. */
    static Map<String, Long> raised(Handle h, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        h.createQuery("SELECT rule, severity, COUNT(*) AS n FROM cmp_alert WHERE first_at >= :from AND first_at < :to GROUP BY rule, severity "
                        + "ORDER BY rule, severity")
                .bind("from", Sql.ts(from)).bind("to", Sql.ts(to))
                .map((rs, ctx) -> Map.entry(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static Alert row(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong("id"), rs.getString("rule"), rs.getString("severity"), rs.getString("title"), rs.getString("detail"),
                Sql.longOrNull(rs, "user_id"), Sql.longOrNull(rs, "client_id"), Sql.longOrNull(rs, "contact_id"), rs.getString("status"),
                rs.getInt("occurrences"), Sql.instant(rs, "first_at"), Sql.instant(rs, "last_at"), rs.getString("ack_by"),
                Sql.instant(rs, "ack_at"), rs.getString("resolved_by"), Sql.instant(rs, "resolved_at"), rs.getString("note"));
    }
}

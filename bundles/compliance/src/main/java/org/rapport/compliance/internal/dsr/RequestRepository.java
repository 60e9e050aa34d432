package org.rapport.compliance.internal.dsr;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.rapport.compliance.internal.Sql;

/** SQL for {@code cmp_request}: the record of every data-subject export and erasure. */
public final class RequestRepository {

    /** One stored request. */
    public record Row(long id, String kind, long contactId, long actorId, String actorName, String reason, boolean complete,
            String result, Instant requestedAt) {
    }

    private RequestRepository() {
    }

    static long insert(Handle h, Row row) {
        return h.createUpdate("INSERT INTO cmp_request (kind, contact_id, actor_id, actor_name, reason, complete, result, requested_at) "
                        + "VALUES (:kind, :contact, :actor, :actorName, :reason, :complete, :result, :at)")
                .bind("kind", row.kind())
                .bind("contact", row.contactId())
                .bind("actor", row.actorId())
                .bind("actorName", Sql.cut(row.actorName(), 200))
                .bind("reason", Sql.cut(row.reason(), 500))
                .bind("complete", row.complete())
                .bind("result", Sql.cut(row.result(), 8000))
                .bind("at", Sql.ts(row.requestedAt()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public static List<Row> list(Handle h, Long contactId, Instant from, Instant to, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM cmp_request WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (contactId != null) {
            sql.append(" AND contact_id = :contact");
            binds.put("contact", contactId);
        }
        if (from != null) {
            sql.append(" AND requested_at >= :from");
            binds.put("from", Sql.ts(from));
        }
        if (to != null) {
            sql.append(" AND requested_at < :to");
            binds.put("to", Sql.ts(to));
        }
        sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
        var query = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
        binds.forEach(query::bind);
        return query.map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("kind"), rs.getLong("contact_id"), rs.getLong("actor_id"),
                rs.getString("actor_name"), rs.getString("reason"), rs.getBoolean("complete"), rs.getString("result"),
                Sql.instant(rs, "requested_at"))).list();
    }

    static boolean erasedBefore(Handle h, long contactId) {
        return h.createQuery("SELECT COUNT(*) FROM cmp_request WHERE contact_id = :contact AND kind = 'erase'")
                .bind("contact", contactId).mapTo(Long.class).one() > 0;
    }

    /** Requests per kind in a period. */
    public static Map<String, Long> counts(Handle h, Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        h.createQuery("SELECT kind, COUNT(*) AS n FROM cmp_request WHERE requested_at >= :from AND requested_at < :to GROUP BY kind ORDER BY kind")
                .bind("from", Sql.ts(from)).bind("to", Sql.ts(to))
                .map((rs, ctx) -> Map.entry(rs.getString("kind"), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}

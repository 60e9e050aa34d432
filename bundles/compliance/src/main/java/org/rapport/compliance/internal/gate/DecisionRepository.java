package org.rapport.compliance.internal.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.rapport.compliance.Decision;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.internal.Sql;

/** SQL for {@code cmp_decision}: every gate decision, the frequency-cap counts over them, and the decision log. */
public final class DecisionRepository {

    /** A decision as stored. */
    public record Row(long id, Instant decidedAt, Long contactId, String channel, String address, Purpose purpose, String sender,
            String reference, boolean reply, Decision decision, String reasonCode, String reason, Instant retryAt, boolean counted,
            boolean dryRun, Long actorId) {
    }

    /** Filters of the decision log. */
    public record Filter(Long contactId, Decision decision, String reasonCode, Instant from, Instant to, boolean includeDryRuns) {
    }

    private DecisionRepository() {
    }

    private static final String INSERT = "INSERT INTO cmp_decision (decided_at, contact_id, channel, address, purpose, sender, reference, "
            + "reply, decision, reason_code, reason, retry_at, counted, dry_run, actor_id) VALUES (:at, :contact, :channel, :address, "
            + ":purpose, :sender, :reference, :reply, :decision, :code, :reason, :retry, :counted, :dry, :actor)";

    static long insert(Handle h, Row row) {
        return bind(h.createUpdate(INSERT), row).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Inserts the rows with one batch; returns their ids, in order. */
    static List<Long> insertAll(Handle h, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch(INSERT);
        for (Row row : rows) {
            bind(batch, row).add();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("The database returned " + ids.size() + " ids for " + rows.size() + " decisions");
        }
        return ids;
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T statement, Row row) {
        return statement.bind("at", Sql.ts(row.decidedAt()))
                .bind("contact", row.contactId())
                .bind("channel", row.channel())
                .bind("address", Sql.cut(row.address(), 320))
                .bind("purpose", row.purpose().id())
                .bind("sender", Sql.cut(row.sender(), 200))
                .bind("reference", Sql.cut(row.reference(), 200))
                .bind("reply", row.reply())
                .bind("decision", row.decision().name())
                .bind("code", row.reasonCode())
                .bind("reason", Sql.cut(row.reason(), 500))
                .bind("retry", Sql.ts(row.retryAt()))
                .bind("counted", row.counted())
                .bind("dry", row.dryRun())
                .bind("actor", row.actorId());
    }

    /**
     * In one query: the counted ALLOWs of a contact for a purpose since {@code since}, and whether
     * {@code reference} (may be null) is among all its counted ALLOWs.
     */
    static CapState capState(Handle h, long contactId, Purpose purpose, Instant since, String reference) {
        return h.createQuery("SELECT COALESCE(SUM(CASE WHEN decided_at >= :since THEN 1 ELSE 0 END), 0) AS recent, "
                        + "COALESCE(SUM(CASE WHEN reference = :reference THEN 1 ELSE 0 END), 0) AS same FROM cmp_decision "
                        + "WHERE contact_id = :contact AND purpose = :purpose AND counted = TRUE")
                .bind("contact", contactId)
                .bind("purpose", purpose.id())
                .bind("since", Sql.ts(since))
                .bind("reference", reference)
                .map((rs, ctx) -> new CapState(rs.getLong("recent"), rs.getLong("same") > 0))
                .one();
    }

    /** How many counted ALLOWs are in the window, and whether the message's reference counted already. */
    record CapState(long inWindow, boolean sameMessage) {
    }

    /** A page of the decision log, newest first. */
    public static List<Row> list(Handle h, Filter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM cmp_decision WHERE 1 = 1");
        Map<String, Object> binds = where(filter, sql);
        sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
        Query query = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
        binds.forEach(query::bind);
        return query.map((rs, ctx) -> new Row(rs.getLong("id"), Sql.instant(rs, "decided_at"), Sql.longOrNull(rs, "contact_id"),
                rs.getString("channel"), rs.getString("address"), Purpose.of(rs.getString("purpose")), rs.getString("sender"),
                rs.getString("reference"), rs.getBoolean("reply"), Decision.valueOf(rs.getString("decision")), rs.getString("reason_code"),
                rs.getString("reason"), Sql.instant(rs, "retry_at"), rs.getBoolean("counted"), rs.getBoolean("dry_run"),
                Sql.longOrNull(rs, "actor_id"))).list();
    }

    public static long count(Handle h, Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM cmp_decision WHERE 1 = 1");
        Map<String, Object> binds = where(filter, sql);
        Query query = h.createQuery(sql.toString());
        binds.forEach(query::bind);
        return query.mapTo(Long.class).one();
    }

    private static Map<String, Object> where(Filter filter, StringBuilder sql) {
        Map<String, Object> binds = new LinkedHashMap<>();
        if (filter.contactId() != null) {
            sql.append(" AND contact_id = :contact");
            binds.put("contact", filter.contactId());
        }
        if (filter.decision() != null) {
            sql.append(" AND decision = :decision");
            binds.put("decision", filter.decision().name());
        }
        if (filter.reasonCode() != null) {
            sql.append(" AND reason_code = :code");
            binds.put("code", filter.reasonCode());
        }
        if (filter.from() != null) {
            sql.append(" AND decided_at >= :from");
            binds.put("from", Sql.ts(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND decided_at < :to");
            binds.put("to", Sql.ts(filter.to()));
        }
        if (!filter.includeDryRuns()) {
            sql.append(" AND dry_run = FALSE");
        }
        return binds;
    }

    /** Decisions per decision and reason code in a period (dry runs left out): "DENY/opted_out" → n. */
    public static Map<String, Long> summary(Handle h, Instant from, Instant to) {
        Map<String, Long> result = new LinkedHashMap<>();
        h.createQuery("SELECT decision, reason_code, COUNT(*) AS n FROM cmp_decision WHERE decided_at >= :from AND decided_at < :to "
                        + "AND dry_run = FALSE GROUP BY decision, reason_code ORDER BY decision, reason_code")
                .bind("from", Sql.ts(from))
                .bind("to", Sql.ts(to))
                .map((rs, ctx) -> Map.entry(rs.getString("decision") + "/" + rs.getString("reason_code"), rs.getLong("n")))
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    /** A contact's decisions for an export (oldest first). */
    public static List<Row> ofContact(Handle h, long contactId) {
        List<Row> rows = new ArrayList<>(list(h, new Filter(contactId, null, null, null, null, true), 0, 100_000));
        java.util.Collections.reverse(rows);
        return rows;
    }

    /** Erasure: removes the addresses of a contact's decisions and unlinks them; returns the rows changed. */
    public static long anonymise(Handle h, long contactId) {
        return h.createUpdate("UPDATE cmp_decision SET address = NULL, contact_id = NULL WHERE contact_id = :contact")
                .bind("contact", contactId)
                .execute();
    }

    /** Retention: deletes decisions older than {@code cutoff}; returns how many. */
    public static long deleteBefore(Handle h, Instant cutoff) {
        return h.createUpdate("DELETE FROM cmp_decision WHERE decided_at < :cutoff").bind("cutoff", Sql.ts(cutoff)).execute();
    }
}

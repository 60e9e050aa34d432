package org.rapport.compliance.internal.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.rapport.compliance.internal.Sql;

/** SQL for {@code cmp_report} and the period figures a report is made of. */
final class ReportRepository {

    /** A stored report (body is JSON). */
    record Stored(long id, Instant from, Instant to, Instant generatedAt, String generatedBy, String body) {
    }

    private ReportRepository() {
    }

    static long insert(Handle h, Instant from, Instant to, Instant at, String by, String body) {
        return h.createUpdate("INSERT INTO cmp_report (period_from, period_to, generated_at, generated_by, body) VALUES (:from, :to, :at, :by, :body)")
                .bind("from", Sql.ts(from)).bind("to", Sql.ts(to)).bind("at", Sql.ts(at)).bind("by", Sql.cut(by, 200)).bind("body", body)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static List<Stored> list(Handle h, int limit) {
        return h.createQuery("SELECT id, period_from, period_to, generated_at, generated_by, '' AS body FROM cmp_report ORDER BY id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> row(rs)).list();
    }

    static Optional<Stored> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM cmp_report WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    private static Stored row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getLong("id"), Sql.instant(rs, "period_from"), Sql.instant(rs, "period_to"), Sql.instant(rs, "generated_at"),
                rs.getString("generated_by"), rs.getString("body"));
    }

    /** Consent changes in the period: "channel/purpose/opt_in|opt_out" → n, and per source. */
    static Map<String, Long> consentChanges(Handle h, Instant from, Instant to, String groupBy) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        String key = groupBy.equals("source") ? "source" : "channel, purpose";
        h.createQuery("SELECT " + key + ", granted, COUNT(*) AS n FROM cmp_consent_change WHERE changed_at >= :from AND changed_at < :to "
                        + "GROUP BY " + key + ", granted ORDER BY " + key + ", granted")
                .bind("from", Sql.ts(from)).bind("to", Sql.ts(to))
                .map((rs, ctx) -> {
                    String name = groupBy.equals("source") ? rs.getString("source") : rs.getString("channel") + "/" + rs.getString("purpose");
                    return Map.entry(name + "/" + (rs.getBoolean("granted") ? "opt_in" : "opt_out"), rs.getLong("n"));
                })
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Current explicit opt-outs: "channel/purpose" → contacts. */
    static Map<String, Long> optedOut(Handle h) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        h.createQuery("SELECT channel, purpose, COUNT(*) AS n FROM cmp_consent WHERE granted = FALSE GROUP BY channel, purpose ORDER BY channel, purpose")
                .map((rs, ctx) -> Map.entry(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Audit entries in the period per action. */
    static Map<String, Long> auditActions(Handle h, Instant from, Instant to) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        h.createQuery("SELECT action, COUNT(*) AS n FROM cmp_audit WHERE at >= :from AND at < :to GROUP BY action ORDER BY action")
                .bind("from", Sql.ts(from)).bind("to", Sql.ts(to))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Retention runs in the period: runs, failed, affected. */
    static Map<String, Long> retention(Handle h, Instant from, Instant to) {
        return h.createQuery("SELECT COUNT(*) AS runs, COALESCE(SUM(CASE WHEN ok = FALSE THEN 1 ELSE 0 END), 0) AS failed, "
                        + "COALESCE(SUM(affected), 0) AS affected FROM cmp_retention_run WHERE started_at >= :from AND started_at < :to")
                .bind("from", Sql.ts(from)).bind("to", Sql.ts(to))
                .map((rs, ctx) -> Map.of("runs", rs.getLong("runs"), "failed", rs.getLong("failed"), "affected", rs.getLong("affected")))
                .one();
    }
}

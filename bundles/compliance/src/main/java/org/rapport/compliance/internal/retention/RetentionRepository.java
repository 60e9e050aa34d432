package org.rapport.compliance.internal.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.rapport.compliance.RetentionAction;
import org.rapport.compliance.internal.Sql;

/** SQL for {@code cmp_retention_rule} and {@code cmp_retention_run}. */
final class RetentionRepository {

    /** A stored rule. */
    record Stored(String provider, String kind, int days, RetentionAction action, boolean enabled, String updatedBy, Instant updatedAt) {
    }

    private RetentionRepository() {
    }

    static Map<String, Stored> rules(Handle h) {
        Map<String, Stored> rules = new java.util.LinkedHashMap<>();
        h.createQuery("SELECT provider, kind, days, action, enabled, updated_by, updated_at FROM cmp_retention_rule")
                .map((rs, ctx) -> new Stored(rs.getString("provider"), rs.getString("kind"), rs.getInt("days"),
                        RetentionAction.of(rs.getString("action")), rs.getBoolean("enabled"), rs.getString("updated_by"),
                        Sql.instant(rs, "updated_at")))
                .forEach(s -> rules.put(s.provider() + "/" + s.kind(), s));
        return rules;
    }

    static void save(Handle h, Stored rule) {
        int updated = h.createUpdate("UPDATE cmp_retention_rule SET days = :days, action = :action, enabled = :enabled, "
                        + "updated_by = :by, updated_at = :at WHERE provider = :provider AND kind = :kind")
                .bind("days", rule.days()).bind("action", rule.action().id()).bind("enabled", rule.enabled())
                .bind("by", Sql.cut(rule.updatedBy(), 200)).bind("at", Sql.ts(rule.updatedAt()))
                .bind("provider", rule.provider()).bind("kind", rule.kind())
                .execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO cmp_retention_rule (provider, kind, days, action, enabled, updated_by, updated_at) "
                            + "VALUES (:provider, :kind, :days, :action, :enabled, :by, :at)")
                    .bind("days", rule.days()).bind("action", rule.action().id()).bind("enabled", rule.enabled())
                    .bind("by", Sql.cut(rule.updatedBy(), 200)).bind("at", Sql.ts(rule.updatedAt()))
                    .bind("provider", rule.provider()).bind("kind", rule.kind())
                    .execute();
        }
    }

    static long start(Handle h, Instant at, String trigger) {
        return h.createUpdate("INSERT INTO cmp_retention_run (started_at, trigger_by, affected, report) VALUES (:at, :trigger, 0, '[]')")
                .bind("at", Sql.ts(at)).bind("trigger", Sql.cut(trigger, 200))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void finish(Handle h, long id, Instant at, boolean ok, long affected, String report) {
        h.createUpdate("UPDATE cmp_retention_run SET finished_at = :at, ok = :ok, affected = :affected, report = :report WHERE id = :id")
                .bind("at", Sql.ts(at)).bind("ok", ok).bind("affected", affected).bind("report", Sql.cut(report, 8000)).bind("id", id)
                .execute();
    }

    static List<RetentionRun> runs(Handle h, int limit) {
        return h.createQuery("SELECT * FROM cmp_retention_run ORDER BY id DESC LIMIT :limit").bind("limit", limit)
                .map((rs, ctx) -> run(rs)).list();
    }

    static Optional<RetentionRun> run(Handle h, long id) {
        return h.createQuery("SELECT * FROM cmp_retention_run WHERE id = :id").bind("id", id).map((rs, ctx) -> run(rs)).findOne();
    }

    /** Marks runs left unfinished by a stopped server. */
    static void interrupted(Handle h, Instant at) {
        h.createUpdate("UPDATE cmp_retention_run SET finished_at = :at, ok = FALSE, report = '[{\"error\":\"the server stopped during the run\"}]' "
                + "WHERE finished_at IS NULL").bind("at", Sql.ts(at)).execute();
    }

    private static RetentionRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
        boolean ok = rs.getBoolean("ok");
        Boolean state = rs.wasNull() ? null : ok;
        return new RetentionRun(rs.getLong("id"), Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"), rs.getString("trigger_by"),
                state, rs.getLong("affected"), rs.getString("report"));
    }
}

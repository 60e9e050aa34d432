package org.rapport.compliance.internal.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.rapport.compliance.internal.Sql;

/** SQL for {@code cmp_policy} and {@code cmp_policy_ack}. */
final class PolicyRepository {

    private PolicyRepository() {
    }

    static List<Policy> active(Handle h) {
        return h.createQuery("SELECT * FROM cmp_policy WHERE active = TRUE ORDER BY code").map((rs, ctx) -> row(rs)).list();
    }

    static List<Policy> versions(Handle h, String code) {
        return h.createQuery("SELECT * FROM cmp_policy WHERE code = :code ORDER BY version DESC").bind("code", code).map((rs, ctx) -> row(rs)).list();
    }

    static Optional<Policy> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM cmp_policy WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Publishes a new version of {@code code} (retiring the one in force); returns its id. */
    static long publish(Handle h, String code, String title, String body, String by, Instant at) {
        int version = h.createQuery("SELECT COALESCE(MAX(version), 0) FROM cmp_policy WHERE code = :code").bind("code", code)
                .mapTo(Integer.class).one() + 1;
        h.createUpdate("UPDATE cmp_policy SET active = FALSE WHERE code = :code").bind("code", code).execute();
        return h.createUpdate("INSERT INTO cmp_policy (code, version, title, body, active, published_by, published_at) "
                        + "VALUES (:code, :version, :title, :body, TRUE, :by, :at)")
                .bind("code", code).bind("version", version).bind("title", title).bind("body", body).bind("by", Sql.cut(by, 200))
                .bind("at", Sql.ts(at))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void retire(Handle h, String code) {
        h.createUpdate("UPDATE cmp_policy SET active = FALSE WHERE code = :code").bind("code", code).execute();
    }

    /** Records an acknowledgement (once per user and version); false when it existed already. */
    static boolean acknowledge(Handle h, long policyId, long userId, String userName, Instant at) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM cmp_policy_ack WHERE policy_id = :policy AND user_id = :user")
                .bind("policy", policyId).bind("user", userId).mapTo(Long.class).one() > 0;
        if (exists) {
            return false;
        }
        h.createUpdate("INSERT INTO cmp_policy_ack (policy_id, user_id, user_name, acknowledged_at) VALUES (:policy, :user, :name, :at)")
                .bind("policy", policyId).bind("user", userId).bind("name", Sql.cut(userName, 200)).bind("at", Sql.ts(at)).execute();
        return true;
    }

    /** When each user acknowledged this version: user id → (name, when). */
    static Map<Long, Map.Entry<String, Instant>> acknowledgements(Handle h, long policyId) {
        Map<Long, Map.Entry<String, Instant>> acks = new LinkedHashMap<>();
        h.createQuery("SELECT user_id, user_name, acknowledged_at FROM cmp_policy_ack WHERE policy_id = :policy ORDER BY acknowledged_at")
                .bind("policy", policyId)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), Map.entry(rs.getString(2), Sql.instant(rs, "acknowledged_at"))))
                .forEach(e -> acks.put(e.getKey(), e.getValue()));
        return acks;
    }

    /** The versions among {@code policyIds} this user acknowledged. */
    static Set<Long> acknowledgedBy(Handle h, long userId) {
        return Set.copyOf(h.createQuery("SELECT policy_id FROM cmp_policy_ack WHERE user_id = :user").bind("user", userId).mapTo(Long.class).list());
    }

    private static Policy row(ResultSet rs) throws SQLException {
        return new Policy(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("title"), rs.getString("body"),
                rs.getBoolean("active"), rs.getString("published_by"), Sql.instant(rs, "published_at"));
    }
}

package org.rapport.accounts.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.rapport.accounts.AccountChange;
import org.rapport.accounts.Alert;
import org.rapport.accounts.ManagerProfile;
import org.rapport.accounts.ScoreReason;
import org.rapport.accounts.TierOverride;
import org.rapport.store.SqlArrays;
import org.rapport.web.Json;

/** SQL for the account tables: manager profiles, scores, overrides, moves and alerts. */
final class AccountRepository {
    private static final TypeReference<List<ScoreReason>> REASONS = new TypeReference<>() {};

    /** Joins the table's {@code client_id} with the array bound as {@code :ids} (see {@link SqlArrays}). */
    private static final String JOIN_IDS = SqlArrays.join("ids", "client_id");

    private AccountRepository() {
    }

    /** The latest scores of a client as stored. */
    record ScoreRow(long clientId, int valueScore, List<ScoreReason> valueReasons, String tier, String tierReason, String stage,
            String stageReason, LocalDate stageSince, int churnRisk, List<ScoreReason> churnReasons, LocalDate lastContact,
            LocalDate nextFollowUp, Long managerId, Instant computedAt) {}

    // --- managers ---

    static Optional<ManagerProfile> profile(Handle h, long userId) {
        return h.createQuery("SELECT active, capacity, seniority, industries, products FROM acc_manager WHERE user_id = :id")
                .bind("id", userId)
                .map((rs, ctx) -> new ManagerProfile(rs.getBoolean(1), rs.getInt(2), rs.getInt(3), split(rs.getString(4)), split(rs.getString(5))))
                .findOne();
    }

    static void saveProfile(Handle h, long userId, ManagerProfile p, Instant now) {
        int updated = h.createUpdate("UPDATE acc_manager SET active = :active, capacity = :capacity, seniority = :seniority, "
                        + "industries = :industries, products = :products, updated_at = :now WHERE user_id = :id")
                .bindMap(profileFields(userId, p, now)).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO acc_manager (user_id, active, capacity, seniority, industries, products, updated_at) "
                    + "VALUES (:id, :active, :capacity, :seniority, :industries, :products, :now)").bindMap(profileFields(userId, p, now)).execute();
        }
    }

    private static java.util.Map<String, Object> profileFields(long userId, ManagerProfile p, Instant now) {
        return java.util.Map.of("id", userId, "active", p.active(), "capacity", p.capacity(), "seniority", p.seniority(),
                "industries", String.join(",", p.industries()), "products", String.join(",", p.products()), "now", Timestamp.from(now));
    }

    private static Set<String> split(String text) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    // --- scores ---

    /** Which of {@code clientIds} have a score. */
    static Set<Long> scored(Handle h, List<Long> clientIds) {
        if (clientIds.isEmpty()) {
            return Set.of();
        }
        return h.createQuery("SELECT client_id FROM acc_score " + JOIN_IDS).bindArray("ids", Long.class, SqlArrays.distinct(clientIds))
                .mapTo(Long.class).collect(java.util.stream.Collectors.toSet());
    }

    static Optional<ScoreRow> score(Handle h, long clientId) {
        return Optional.ofNullable(scores(h, List.of(clientId)).get(clientId));
    }

    /** The stored scores of those of {@code clientIds} that have one. */
    static java.util.Map<Long, ScoreRow> scores(Handle h, java.util.Collection<Long> clientIds) {
        java.util.Map<Long, ScoreRow> out = new java.util.HashMap<>();
        if (!clientIds.isEmpty()) {
            h.createQuery("SELECT acc_score.* FROM acc_score " + JOIN_IDS).bindArray("ids", Long.class, SqlArrays.distinct(clientIds))
                    .map((rs, ctx) -> scoreRow(rs)).forEach(row -> out.put(row.clientId(), row));
        }
        return out;
    }

    /** Replaces the stored scores of the rows' clients with the rows, in one batch. */
    static void saveScores(Handle h, List<ScoreRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        h.createUpdate("DELETE FROM acc_score WHERE client_id IN (<ids>)").bindList("ids", rows.stream().map(ScoreRow::clientId).toList())
                .execute();
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("INSERT INTO acc_score (client_id, value_score, value_reasons, "
                + "tier, tier_reason, stage, stage_reason, stage_since, churn_risk, churn_reasons, last_contact, next_follow_up, manager_id, "
                + "computed_at) VALUES (:id, :value, :valueReasons, :tier, :tierReason, :stage, :stageReason, :stageSince, :risk, "
                + ":riskReasons, :lastContact, :next, :manager, :at)");
        for (ScoreRow s : rows) {
            batch.bind("id", s.clientId()).bind("value", s.valueScore()).bind("valueReasons", json(s.valueReasons()))
                    .bind("tier", s.tier()).bind("tierReason", cut(s.tierReason())).bind("stage", s.stage())
                    .bind("stageReason", cut(s.stageReason())).bind("stageSince", Date.valueOf(s.stageSince()))
                    .bind("risk", s.churnRisk()).bind("riskReasons", json(s.churnReasons()))
                    .bind("lastContact", s.lastContact() == null ? null : Date.valueOf(s.lastContact()))
                    .bind("next", Date.valueOf(s.nextFollowUp())).bind("manager", s.managerId())
                    .bind("at", Timestamp.from(s.computedAt())).add();
        }
        batch.execute();
    }

    /** Clients whose next follow-up is before {@code today}: (client id, due date), most overdue first. */
    static List<java.util.Map.Entry<Long, LocalDate>> overdue(Handle h, Long managerId, LocalDate today, int limit) {
        String where = managerId == null ? "" : " AND manager_id = :manager";
        var query = h.createQuery("SELECT client_id, next_follow_up FROM acc_score WHERE next_follow_up < :today" + where
                + " ORDER BY next_follow_up, client_id LIMIT :limit").bind("today", Date.valueOf(today)).bind("limit", limit);
        if (managerId != null) {
            query.bind("manager", managerId);
        }
        return query.map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
    }

    static long overdueCount(Handle h, Long managerId, LocalDate today) {
        String where = managerId == null ? "" : " AND manager_id = :manager";
        var query = h.createQuery("SELECT COUNT(*) FROM acc_score WHERE next_follow_up < :today" + where).bind("today", Date.valueOf(today));
        if (managerId != null) {
            query.bind("manager", managerId);
        }
        return query.mapTo(Long.class).one();
    }

    /** Churn risk histogram: counts per bucket of 20 points (index 0: 0-19 ... 4: 80-100). */
    static long[] riskBuckets(Handle h) {
        long[] buckets = new long[5];
        h.createQuery("SELECT churn_risk FROM acc_score").mapTo(Integer.class)
                .forEach(risk -> buckets[Math.min(4, Math.max(0, risk) / 20)]++);
        return buckets;
    }

    private static ScoreRow scoreRow(ResultSet rs) throws SQLException {
        Date last = rs.getDate("last_contact");
        long manager = rs.getLong("manager_id");
        Long managerId = rs.wasNull() ? null : manager;
        return new ScoreRow(rs.getLong("client_id"), rs.getInt("value_score"), reasons(rs.getString("value_reasons")), rs.getString("tier"),
                rs.getString("tier_reason"), rs.getString("stage"), rs.getString("stage_reason"), rs.getDate("stage_since").toLocalDate(),
                rs.getInt("churn_risk"), reasons(rs.getString("churn_reasons")), last == null ? null : last.toLocalDate(),
                rs.getDate("next_follow_up").toLocalDate(), managerId, rs.getTimestamp("computed_at").toInstant());
    }

    // --- overrides ---

    static Optional<TierOverride> override(Handle h, long clientId) {
        return Optional.ofNullable(overrides(h, List.of(clientId)).get(clientId));
    }

    /** The overrides of those of {@code clientIds} that have one. */
    static java.util.Map<Long, TierOverride> overrides(Handle h, java.util.Collection<Long> clientIds) {
        java.util.Map<Long, TierOverride> out = new java.util.HashMap<>();
        if (!clientIds.isEmpty()) {
            h.createQuery("SELECT client_id, tier, reason, expires_on, set_by, set_at FROM acc_override " + JOIN_IDS)
                    .bindArray("ids", Long.class, SqlArrays.distinct(clientIds))
                    .map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), new TierOverride(rs.getString(2), rs.getString(3),
                            rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(), rs.getLong(5), rs.getTimestamp(6).toInstant())))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    static void saveOverride(Handle h, long clientId, TierOverride o) {
        deleteOverride(h, clientId);
        h.createUpdate("INSERT INTO acc_override (client_id, tier, reason, expires_on, set_by, set_at) VALUES (:id, :tier, :reason, :expires, :by, :at)")
                .bind("id", clientId).bind("tier", o.tier()).bind("reason", cut(o.reason()))
                .bind("expires", o.expiresOn() == null ? null : Date.valueOf(o.expiresOn())).bind("by", o.setBy())
                .bind("at", Timestamp.from(o.setAt())).execute();
    }

    static boolean deleteOverride(Handle h, long clientId) {
        return h.createUpdate("DELETE FROM acc_override WHERE client_id = :id").bind("id", clientId).execute() > 0;
    }

    // --- moves ---

    static void addChange(Handle h, AccountChange c) {
        addChanges(h, List.of(c));
    }

    /** Records moves as one batch. */
    static void addChanges(Handle h, List<AccountChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("INSERT INTO acc_change (client_id, kind, from_value, to_value, "
                + "reason, actor_id, changed_at) VALUES (:client, :kind, :from, :to, :reason, :actor, :at)");
        for (AccountChange c : changes) {
            batch.bind("client", c.clientId()).bind("kind", c.kind()).bind("from", c.from()).bind("to", c.to())
                    .bind("reason", cut(c.reason())).bind("actor", c.actorId()).bind("at", Timestamp.from(c.at())).add();
        }
        batch.execute();
    }

    static List<AccountChange> changes(Handle h, long clientId, int limit) {
        return h.createQuery("SELECT client_id, kind, from_value, to_value, reason, actor_id, changed_at FROM acc_change "
                        + "WHERE client_id = :id ORDER BY changed_at DESC, id DESC LIMIT :limit")
                .bind("id", clientId).bind("limit", limit)
                .map((rs, ctx) -> new AccountChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    // --- alerts ---

    static long addAlert(Handle h, long managerId, long clientId, String kind, String zh, String en, Instant now) {
        return h.createUpdate("INSERT INTO acc_alert (manager_id, client_id, kind, text_zh, text_en, created_at) "
                        + "VALUES (:manager, :client, :kind, :zh, :en, :now)")
                .bind("manager", managerId).bind("client", clientId).bind("kind", kind).bind("zh", cut(zh)).bind("en", cut(en))
                .bind("now", Timestamp.from(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static List<Alert> alerts(Handle h, long managerId, boolean includeRead, int limit) {
        return h.createQuery("SELECT id, manager_id, client_id, kind, text_zh, text_en, created_at, read_at FROM acc_alert "
                        + "WHERE manager_id IN (:manager, 0)" + (includeRead ? "" : " AND read_at IS NULL")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("manager", managerId).bind("limit", limit)
                .map((rs, ctx) -> new Alert(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }

    static boolean markRead(Handle h, long alertId, long managerId, Instant now) {
        return h.createUpdate("UPDATE acc_alert SET read_at = :now WHERE id = :id AND manager_id IN (:manager, 0) AND read_at IS NULL")
                .bind("now", Timestamp.from(now)).bind("id", alertId).bind("manager", managerId).execute() > 0;
    }

    private static String json(List<ScoreReason> reasons) {
        try {
            return Json.mapper().writeValueAsString(reasons);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ScoreReason> reasons(String json) {
        try {
            return Json.mapper().readValue(json, REASONS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}

package org.rapport.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.ClientQuery;
import org.rapport.records.Page;
import org.rapport.records.Standing;
import org.rapport.store.SqlArrays;

/** SQL for {@code rec_client}; every method runs on the caller's handle (and transaction). */
final class ClientRepository {
    static final String COLUMNS = "id, name, registration_no, industry, region, annual_revenue, employees, tags, status, client_since, "
            + "tier, stage, manager_id, value_score, churn_risk, created_at, updated_at";
    private static final Map<String, String> SORTS = Map.of(
            "name", "name_key", "createdat", "created_at", "updatedat", "updated_at", "valuescore", "value_score",
            "churnrisk", "churn_risk", "tier", "tier", "annualrevenue", "annual_revenue", "id", "id", "clientsince", "client_since");
    private static final Map<String, String> GROUPS = Map.of(
            "tier", "tier", "stage", "stage", "region", "region", "industry", "industry", "managerid", "manager_id",
            "status", "status");

    private ClientRepository() {
    }

    static long insert(Handle h, ClientInput in, long actorId, Instant now) {
        return h.createUpdate("INSERT INTO rec_client (name, name_key, registration_no, industry, region, annual_revenue, "
                        + "employees, tags, status, client_since, created_by, created_at, updated_at) VALUES (:name, :nameKey, "
                        + ":registrationNo, :industry, :region, :annualRevenue, :employees, :tags, :status, :since, :actor, :now, :now)")
                .bindMap(fields(in))
                .bind("actor", actorId)
                .bind("now", Sql.ts(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    static void update(Handle h, long id, ClientInput in, Instant now) {
        h.createUpdate("UPDATE rec_client SET name = :name, name_key = :nameKey, registration_no = :registrationNo, "
                        + "industry = :industry, region = :region, annual_revenue = :annualRevenue, employees = :employees, "
                        + "tags = :tags, status = :status, client_since = :since, updated_at = :now WHERE id = :id")
                .bindMap(fields(in))
                .bind("id", id)
                .bind("now", Sql.ts(now))
                .execute();
    }

    private static Map<String, Object> fields(ClientInput in) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", in.name());
        map.put("nameKey", Normalise.nameKey(in.name()));
        map.put("registrationNo", in.registrationNo());
        map.put("industry", in.industry());
        map.put("region", in.region());
        map.put("annualRevenue", in.annualRevenue());
        map.put("employees", in.employees());
        map.put("tags", Normalise.encodeTags(in.tags()));
        map.put("status", in.status());
        map.put("since", in.clientSince() == null ? null : java.sql.Date.valueOf(in.clientSince()));
        return map;
    }

    /** Sets the standings of the clients keyed, as one batch. */
    static void updateStandings(Handle h, Map<Long, Standing> standings, Instant now) {
        if (standings.isEmpty()) {
            return;
        }
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("UPDATE rec_client SET tier = :tier, stage = :stage, "
                + "manager_id = :manager, value_score = :score, churn_risk = :risk, updated_at = :now WHERE id = :id");
        standings.forEach((id, s) -> batch.bind("tier", s.tier())
                .bind("stage", s.stage())
                .bind("manager", s.managerId())
                .bind("score", s.valueScore())
                .bind("risk", s.churnRisk())
                .bind("now", Sql.ts(now))
                .bind("id", id)
                .add());
        batch.execute();
    }

    static void markMerged(Handle h, long sourceId, long targetId, Instant now) {
        h.createUpdate("UPDATE rec_client SET merged_into = :target, updated_at = :now WHERE id = :id")
                .bind("target", targetId)
                .bind("now", Sql.ts(now))
                .bind("id", sourceId)
                .execute();
    }

    static Optional<Client> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM rec_client WHERE id = :id AND merged_into IS NULL")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    static List<Client> byIds(Handle h, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT " + COLUMNS + " FROM rec_client " + SqlArrays.join("ids", "id") + " "
                        + "WHERE merged_into IS NULL ORDER BY id")
                .bindArray("ids", Long.class, SqlArrays.distinct(ids))
                .map((rs, ctx) -> row(rs))
                .list();
    }

    static Page<Client> list(Handle h, ClientQuery q) {
        List<String> where = new ArrayList<>(List.of("merged_into IS NULL"));
        Map<String, Object> binds = new LinkedHashMap<>();
        if (q.text() != null && !q.text().isBlank()) {
            String text = q.text().strip();
            binds.put("nameLike", "%" + Sql.likeEscape(Normalise.nameKey(text)) + "%");
            binds.put("regLike", Sql.likeEscape(text.toUpperCase(Locale.ROOT)) + "%");
            where.add("(name_key LIKE :nameLike ESCAPE '!' OR registration_no LIKE :regLike ESCAPE '!')");
        }
        in(where, binds, "tier", q.tiers());
        in(where, binds, "stage", q.stages());
        if (q.managerId() != null) {
            if (q.managerId() == 0) {
                where.add("manager_id IS NULL");
            } else {
                where.add("manager_id = :manager");
                binds.put("manager", q.managerId());
            }
        }
        if (q.minChurnRisk() != null) {
            where.add("churn_risk >= :risk");
            binds.put("risk", q.minChurnRisk());
        }
        equal(where, binds, "region", Normalise.id(q.region()));
        equal(where, binds, "industry", Normalise.id(q.industry()));
        equal(where, binds, "status", Normalise.id(q.status()));
        if (q.tag() != null && !q.tag().isBlank()) {
            where.add("tags LIKE :tag ESCAPE '!'");
            binds.put("tag", "%|" + Sql.likeEscape(q.tag().strip()) + "|%");
        }
        String condition = " WHERE " + String.join(" AND ", where);
        long total = h.createQuery("SELECT COUNT(*) FROM rec_client" + condition).bindMap(binds).mapTo(Long.class).one();
        Query query = h.createQuery("SELECT " + COLUMNS + " FROM rec_client" + condition + " ORDER BY " + orderBy(q.sort())
                        + " LIMIT :limit OFFSET :offset")
                .bindMap(binds)
                .bind("limit", q.size())
                .bind("offset", (long) (q.page() - 1) * q.size());
        return new Page<>(query.map((rs, ctx) -> row(rs)).list(), total);
    }

    static Map<String, Long> countBy(Handle h, String field) {
        String column = GROUPS.get(field.toLowerCase(Locale.ROOT));
        if (column == null) {
            throw new org.rapport.records.InvalidRecordException("field", "must be one of tier, stage, region, industry, managerId, status");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        h.createQuery("SELECT " + column + " AS k, COUNT(*) AS n FROM rec_client WHERE merged_into IS NULL GROUP BY "
                        + column + " ORDER BY " + column)
                .map((rs, ctx) -> Map.entry(rs.getObject("k") == null ? "" : rs.getObject("k").toString(), rs.getLong("n")))
                .forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum));
        return counts;
    }

    static String orderBy(String sort) {
        boolean descending = sort.startsWith("-");
        String key = (descending ? sort.substring(1) : sort).toLowerCase(Locale.ROOT);
        String column = SORTS.get(key);
        if (column == null) {
            throw new org.rapport.records.InvalidRecordException("sort",
                    "must be one of name, createdAt, updatedAt, valueScore, churnRisk, tier, annualRevenue (prefix - to reverse)");
        }
        String direction = descending ? " DESC" : " ASC";
        String nulls = descending ? " NULLS LAST" : " NULLS FIRST";
        return column + direction + nulls + ", id" + direction;
    }

    private static void in(List<String> where, Map<String, Object> binds, String column, java.util.Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        int i = 0;
        for (String value : values) {
            String name = column + i++;
            names.add(":" + name);
            binds.put(name, value.toLowerCase(Locale.ROOT));
        }
        where.add(column + " IN (" + String.join(", ", names) + ")");
    }

    private static void equal(List<String> where, Map<String, Object> binds, String column, String value) {
        if (value != null) {
            where.add(column + " = :" + column);
            binds.put(column, value);
        }
    }

    static Client row(ResultSet rs) throws SQLException {
        Standing standing = new Standing(rs.getString("tier"), rs.getString("stage"), Sql.longOrNull(rs, "manager_id"),
                Sql.intOrNull(rs, "value_score"), Sql.intOrNull(rs, "churn_risk"));
        return new Client(rs.getLong("id"), rs.getString("name"), rs.getString("registration_no"), rs.getString("industry"),
                rs.getString("region"), Sql.decimal(rs, "annual_revenue"), Sql.intOrNull(rs, "employees"),
                Normalise.decodeTags(rs.getString("tags")), rs.getString("status"), Sql.date(rs, "client_since"), standing, Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}

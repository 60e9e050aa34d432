package org.rapport.records.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.rapport.records.ClientActivity;
import org.rapport.store.SqlArrays;

/** Aggregates transactions and interactions per client into {@link ClientActivity} summaries. */
final class ActivityRepository {

    private ActivityRepository() {
    }

    static Map<Long, ClientActivity> summaries(Handle h, Collection<Long> ids, LocalDate today) {
        Map<Long, Builder> builders = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Long> idList = new ArrayList<>(ids);
        h.createQuery("SELECT id FROM rec_client " + SqlArrays.join("ids", "id") + " WHERE merged_into IS NULL")
                .bindArray("ids", Long.class, SqlArrays.distinct(idList)).mapTo(Long.class).forEach(id -> builders.put(id, new Builder(id)));
        if (builders.isEmpty()) {
            return Map.of();
        }
        List<Long> live = new ArrayList<>(builders.keySet());
        Date d90 = Date.valueOf(today.minusDays(90));
        Date d180 = Date.valueOf(today.minusDays(180));
        Date d365 = Date.valueOf(today.minusDays(365));
        Date d730 = Date.valueOf(today.minusDays(730));
        h.createQuery("SELECT client_id, MIN(occurred_on) AS first_on, MAX(occurred_on) AS last_on, "
                        + "SUM(CASE WHEN occurred_on > :d365 THEN 1 ELSE 0 END) AS c12, "
                        + "SUM(CASE WHEN occurred_on > :d730 AND occurred_on <= :d365 THEN 1 ELSE 0 END) AS p12, "
                        + "SUM(CASE WHEN occurred_on > :d90 THEN 1 ELSE 0 END) AS c90, "
                        + "SUM(CASE WHEN occurred_on > :d180 AND occurred_on <= :d90 THEN 1 ELSE 0 END) AS p90 "
                        + "FROM rec_transaction " + SqlArrays.join("ids", "client_id") + " GROUP BY client_id")
                .bindArray("ids", Long.class, live).bind("d90", d90).bind("d180", d180).bind("d365", d365).bind("d730", d730)
                .map((rs, ctx) -> {
                    Builder b = builders.get(rs.getLong("client_id"));
                    b.first = Sql.date(rs, "first_on");
                    b.last = Sql.date(rs, "last_on");
                    b.c12 = rs.getInt("c12");
                    b.p12 = rs.getInt("p12");
                    b.c90 = rs.getInt("c90");
                    b.p90 = rs.getInt("p90");
                    return b;
                }).list();
        h.createQuery("SELECT client_id, currency, "
                        + "SUM(CASE WHEN occurred_on > :d365 THEN amount ELSE 0 END) AS v12, "
                        + "SUM(CASE WHEN occurred_on <= :d365 THEN amount ELSE 0 END) AS vp12 "
                        + "FROM rec_transaction " + SqlArrays.join("ids", "client_id") + " WHERE occurred_on > :d730 GROUP BY client_id, currency")
                .bindArray("ids", Long.class, live).bind("d365", d365).bind("d730", d730)
                .map((rs, ctx) -> {
                    Builder b = builders.get(rs.getLong("client_id"));
                    put(b.volume12m, rs.getString("currency"), rs.getBigDecimal("v12"));
                    put(b.volumePrev12m, rs.getString("currency"), rs.getBigDecimal("vp12"));
                    return b;
                }).list();
        h.createQuery("SELECT DISTINCT client_id, product FROM rec_transaction " + SqlArrays.join("ids", "client_id") + " WHERE occurred_on > :d365 "
                        + "AND product IS NOT NULL")
                .bindArray("ids", Long.class, live).bind("d365", d365)
                .map((rs, ctx) -> builders.get(rs.getLong(1)).products.add(rs.getString(2))).list();
        java.sql.Timestamp t90 = java.sql.Timestamp.valueOf(today.minusDays(90).atStartOfDay());
        java.sql.Timestamp t365 = java.sql.Timestamp.valueOf(today.minusDays(365).atStartOfDay());
        h.createQuery("SELECT client_id, MAX(occurred_at) AS last_at, "
                        + "MAX(CASE WHEN direction = 'inbound' THEN occurred_at END) AS last_in, "
                        + "SUM(CASE WHEN kind = 'complaint' AND occurred_at > :t90 THEN 1 ELSE 0 END) AS k90, "
                        + "SUM(CASE WHEN kind = 'complaint' AND occurred_at > :t365 THEN 1 ELSE 0 END) AS k365 "
                        + "FROM rec_interaction " + SqlArrays.join("ids", "client_id") + " GROUP BY client_id")
                .bindArray("ids", Long.class, live).bind("t90", t90).bind("t365", t365)
                .map((rs, ctx) -> {
                    Builder b = builders.get(rs.getLong("client_id"));
                    java.sql.Timestamp last = rs.getTimestamp("last_at");
                    b.lastInteraction = last == null ? null : last.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                    java.sql.Timestamp in = rs.getTimestamp("last_in");
                    b.lastInbound = in == null ? null : in.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
                    b.k90 = rs.getInt("k90");
                    b.k365 = rs.getInt("k365");
                    return b;
                }).list();
        Map<Long, ClientActivity> result = new LinkedHashMap<>();
        builders.forEach((id, b) -> result.put(id, b.build()));
        return result;
    }

    static List<Long> ids(Handle h, long afterId, int limit) {
        return h.createQuery("SELECT id FROM rec_client WHERE id > :after AND merged_into IS NULL ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).mapTo(Long.class).list();
    }

    private static void put(Map<String, BigDecimal> map, String currency, BigDecimal value) {
        if (value != null && value.signum() != 0) {
            map.merge(currency, value, BigDecimal::add);
        }
    }

    private static final class Builder {
        final long id;
        LocalDate first;
        LocalDate last;
        LocalDate lastInteraction;
        LocalDate lastInbound;
        int c12;
        int p12;
        int c90;
        int p90;
        int k90;
        int k365;
        final Map<String, BigDecimal> volume12m = new HashMap<>();
        final Map<String, BigDecimal> volumePrev12m = new HashMap<>();
        final Set<String> products = new HashSet<>();

        Builder(long id) {
            this.id = id;
        }

        ClientActivity build() {
            return new ClientActivity(id, first, last, lastInteraction, lastInbound, c12, p12, c90, p90, volume12m, volumePrev12m, k90, k365, products);
        }
    }
}

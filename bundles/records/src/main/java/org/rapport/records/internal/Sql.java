package org.rapport.records.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** Small JDBC conversions shared by the repositories. */
final class Sql {

    private Sql() {
    }

    /**
     * The distinct values of {@code values}, to bind with {@code bindArray} as {@code :name} in
     * {@code JOIN UNNEST(:name) AS k(k_value) ON column = k.k_value}. A join with an array is one index lookup per
     * value on H2 and PostgreSQL; an {@code IN (<list>)} of n parameters is checked again against every row found,
     * n comparisons each (about 8 times slower for 1000 ids on H2). Distinct, or the join would repeat rows.
     */
    static <T> java.util.Set<T> distinct(java.util.Collection<T> values) {
        return new java.util.LinkedHashSet<>(values);
    }

    /** {@code JOIN UNNEST(:param) AS k(k_value) ON column = k.k_value}: the rows whose {@code column} is in the array {@code :param}. */
    static String joinArray(String param, String column) {
        return "JOIN UNNEST(:" + param + ") AS k(k_value) ON " + column + " = k.k_value";
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    /** Escapes LIKE wildcards; the statement must say {@code ESCAPE '!'}. */
    static String likeEscape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

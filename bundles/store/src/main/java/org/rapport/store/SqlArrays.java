package org.rapport.store;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads by many keys at once, portable between H2 and PostgreSQL: bind the keys as an array
 * ({@code bindArray(name, Long.class, SqlArrays.distinct(ids))}) and join it with
 * {@link #join(String, String)}. A join with an array is one index lookup per key on both
 * databases; an {@code IN (<list>)} of n parameters is checked again against every row found on H2,
 * n comparisons each (about 8 times slower for 1000 ids).
 *
 * @since 0.3
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /**
     * {@code JOIN UNNEST(:param) AS k(k_value) ON column = k.k_value}: the rows whose {@code column}
     * is in the array bound as {@code param}. One such join per query (its alias is {@code k}).
     */
    public static String join(String param, String column) {
        return "JOIN UNNEST(:" + param + ") AS k(k_value) ON " + column + " = k.k_value";
    }

    /** The distinct values, in their order: bind these, or the join repeats rows. */
    public static <T> Set<T> distinct(Collection<T> values) {
        return new LinkedHashSet<>(values);
    }
}

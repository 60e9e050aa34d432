package org.rapport.store;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * Claiming rows with {@code SELECT … FOR UPDATE SKIP LOCKED} portably. PostgreSQL locks only the
 * rows a claim returns. H2 2.x locks every row the query's {@code WHERE} matches before
 * {@code FETCH FIRST} applies: claiming 200 of 50,000 waiting rows locked all 50,000 and took about
 * 250 ms instead of 0.1. On such a database claim in two steps: select the candidates' keys without a
 * lock ({@code FETCH FIRST n}), then lock just those rows, checking the condition again
 * ({@code WHERE key = ANY(:keys) AND … FOR UPDATE SKIP LOCKED}).
 *
 * @since 0.3
 */
public final class SkipLocked {

    private SkipLocked() {
    }

    /** Whether the database behind {@code h} locks every row a {@code FOR UPDATE} query matches (H2), so claims take two steps. */
    public static boolean locksEveryMatch(Handle h) {
        try {
            return "H2".equalsIgnoreCase(h.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            return false;
        }
    }
}

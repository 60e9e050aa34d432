package org.rapport.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rapport.store.SkipLocked;

/**
 * SQL for the outbox. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so several
 * dispatchers (threads or nodes on one PostgreSQL) never take the same row, and a row whose
 * dispatcher died is taken again when its lease runs out.
 */
final class OutboxRepository {

    private static final String COLUMNS = "id, message_id, idempotency_key, channel, account, state, attempts, due_at, recheck, "
            + "last_error, created_at";

    private OutboxRepository() {
    }

    /** A new row to insert. */
    record NewRow(long messageId, String key, String channel, String account, String state, Instant dueAt, boolean recheck) {}

    static void insert(Handle h, Collection<NewRow> rows, Instant now) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO conv_outbox (message_id, idempotency_key, channel, account, state, attempts, "
                + "due_at, recheck, created_at) VALUES (:message, :key, :channel, :account, :state, 0, :due, :recheck, :now)");
        for (NewRow r : rows) {
            batch.bind("message", r.messageId()).bind("key", r.key()).bind("channel", r.channel()).bind("account", r.account())
                    .bind("state", r.state()).bind("due", Sql.ts(r.dueAt())).bind("recheck", r.recheck()).bind("now", Sql.ts(now))
                    .add();
        }
        if (!rows.isEmpty()) {
            batch.execute();
        }
    }

    /** The keys among {@code keys} that have a row already. */
    static List<String> existingKeys(Handle h, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT idempotency_key FROM conv_outbox WHERE idempotency_key IN (<keys>)").bindList("keys", keys)
                .mapTo(String.class).list();
    }

    /**
     * Claims up to {@code limit} due rows of the given channels for {@code node} until
     * {@code leaseUntil}: pending and deferred rows that are due (rows that must be re-checked only
     * when {@code gateAvailable}), and rows whose sender's lease ran out.
     */
    static List<OutboxRow> claim(Handle h, Collection<String> channels, boolean gateAvailable, String node, Instant now,
            Instant leaseUntil, int limit) {
        return claim(h, channels, gateAvailable, node, now, leaseUntil, limit, true);
    }

    /**
     * As {@link #claim(Handle, Collection, boolean, String, Instant, Instant, int)}; without {@code everyState}, a
     * claim that fills up with pending rows does not look for due deferred rows and expired leases (the caller
     * looks for them every so often: a busy outbox then claims with one query instead of three).
     */
    static List<OutboxRow> claim(Handle h, Collection<String> channels, boolean gateAvailable, String node, Instant now,
            Instant leaseUntil, int limit, boolean everyState) {
        if (channels.isEmpty()) {
            return List.of();
        }
        // one query per state, each walking the (state, due_at) index in order and stopping at the limit: a single
        // query with OR sorted every due row on each claim, which made a large outbox slower with every claim
        List<OutboxRow> rows = new ArrayList<>();
        boolean twoStep = SkipLocked.locksEveryMatch(h);
        for (String state : List.of(OutboxRow.PENDING, OutboxRow.DEFERRED, OutboxRow.SENDING)) {
            if (!everyState && !state.equals(OutboxRow.PENDING) && rows.size() >= limit) {
                break;
            }
            String due = state.equals(OutboxRow.SENDING) ? " AND lease_until < :now"
                    : " AND due_at <= :now" + (gateAvailable ? "" : " AND recheck = FALSE");
            String where = " FROM conv_outbox WHERE state = :state" + due + " AND channel IN (<channels>)";
            if (twoStep) { // see SkipLocked: the candidates without a lock, then just those locked
                List<Long> ids = h.createQuery("SELECT id" + where + " ORDER BY state, due_at FETCH FIRST :limit ROWS ONLY")
                        .bind("state", state).bindList("channels", channels).bind("now", Sql.ts(now)).bind("limit", limit)
                        .mapTo(Long.class).list();
                if (!ids.isEmpty()) {
                    rows.addAll(h.createQuery("SELECT " + COLUMNS + where + " AND id = ANY(:ids) FOR UPDATE SKIP LOCKED")
                            .bind("state", state).bindList("channels", channels).bind("now", Sql.ts(now))
                            .bindArray("ids", Long.class, ids).map((rs, ctx) -> row(rs)).list());
                }
                continue;
            }
            rows.addAll(h.createQuery("SELECT " + COLUMNS + where + " ORDER BY state, due_at FETCH FIRST :limit ROWS ONLY FOR UPDATE SKIP LOCKED")
                    .bind("state", state).bindList("channels", channels).bind("now", Sql.ts(now)).bind("limit", limit)
                    .map((rs, ctx) -> row(rs)).list());
        }
        if (rows.isEmpty()) {
            return rows;
        }
        rows.sort(java.util.Comparator.comparing(OutboxRow::dueAt).thenComparingLong(OutboxRow::id));
        if (rows.size() > limit) {
            rows = new ArrayList<>(rows.subList(0, limit)); // the rest stay as they are (their locks end with this transaction)
        }
        // = ANY(array): one index lookup per id on H2 and PostgreSQL (an IN list is checked again against every row found)
        h.createUpdate("UPDATE conv_outbox SET state = 'sending', lease_until = :lease, claimed_by = :node, attempts = attempts + 1 "
                        + "WHERE id = ANY(:ids)")
                .bind("lease", Sql.ts(leaseUntil)).bind("node", node).bindArray("ids", Long.class, rows.stream().map(OutboxRow::id).toList())
                .execute();
        List<OutboxRow> claimed = new ArrayList<>(rows.size());
        for (OutboxRow r : rows) {
            claimed.add(new OutboxRow(r.id(), r.messageId(), r.key(), r.channel(), r.account(), OutboxRow.SENDING, r.attempts() + 1,
                    r.dueAt(), r.recheck(), r.lastError(), r.createdAt()));
        }
        return claimed;
    }

    /** Rows the channel took: sent, with the channel's id (one batch; {@code externalIds} by row id, values may be null). */
    static void sent(Handle h, Map<Long, String> externalIds, Instant now) {
        if (externalIds.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("UPDATE conv_outbox SET state = 'sent', external_id = :ext, sent_at = :now, lease_until = NULL, "
                + "last_error = NULL WHERE id = :id");
        externalIds.forEach((id, ext) -> batch.bind("ext", Sql.cut(ext, 500)).bind("now", Sql.ts(now)).bind("id", id).add());
        batch.execute();
    }

    /** Back to waiting, due at {@code dueAt}; {@code countAttempt} false gives back the attempt the claim counted. */
    static void again(Handle h, long id, String state, Instant dueAt, String error, boolean recheck, boolean countAttempt) {
        h.createUpdate("UPDATE conv_outbox SET state = :state, due_at = :due, last_error = :error, recheck = :recheck, lease_until = NULL"
                        + (countAttempt ? "" : ", attempts = attempts - 1") + " WHERE id = :id")
                .bind("state", state).bind("due", Sql.ts(dueAt)).bind("error", Sql.cut(error, 1000)).bind("recheck", recheck)
                .bind("id", id).execute();
    }

    static void finished(Handle h, long id, String state, String error) {
        h.createUpdate("UPDATE conv_outbox SET state = :state, last_error = :error, lease_until = NULL WHERE id = :id")
                .bind("state", state).bind("error", Sql.cut(error, 1000)).bind("id", id).execute();
    }

    static Optional<OutboxRow> byKey(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM conv_outbox WHERE idempotency_key = :key").bind("key", key)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    static Optional<OutboxRow> byExternalId(Handle h, String channel, String externalId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM conv_outbox WHERE channel = :channel AND external_id = :ext")
                .bind("channel", channel).bind("ext", externalId).map((rs, ctx) -> row(rs)).findFirst();
    }

    static Map<String, Long> counts(Handle h) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String state : List.of(OutboxRow.PENDING, OutboxRow.DEFERRED, OutboxRow.SENDING, OutboxRow.SENT, OutboxRow.FAILED,
                OutboxRow.BLOCKED, OutboxRow.WITHDRAWN)) {
            counts.put(state, 0L);
        }
        h.createQuery("SELECT state, COUNT(*) FROM conv_outbox GROUP BY state")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Statuses of the messages sent with these keys (for senders following their messages, e.g. a campaign). */
    static Map<String, String> states(Handle h, Collection<String> keys) {
        Map<String, String> states = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return states;
        }
        h.createQuery("SELECT o.idempotency_key, m.status FROM conv_outbox o JOIN conv_message m ON m.id = o.message_id "
                        + "WHERE o.idempotency_key IN (<keys>)")
                .bindList("keys", keys).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> states.put(e.getKey(), e.getValue()));
        return states;
    }

    private static OutboxRow row(ResultSet rs) throws SQLException {
        return new OutboxRow(rs.getLong("id"), rs.getLong("message_id"), rs.getString("idempotency_key"), rs.getString("channel"),
                rs.getString("account"), rs.getString("state"), rs.getInt("attempts"), Sql.instant(rs, "due_at"), rs.getBoolean("recheck"),
                rs.getString("last_error"), Sql.instant(rs, "created_at"));
    }
}

package org.rapport.conversations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.rapport.conversations.ConversationEvents;
import org.rapport.conversations.Messenger;
import org.rapport.store.Store;

/**
 * Withdraws outbox messages not handed to their channel yet ({@code pending}, {@code deferred} → {@code withdrawn}) and
 * hands withdrawn ones back ({@code withdrawn} → {@code pending}, checked by the gate again), by their senders' keys.
 * Each change is one {@code UPDATE … WHERE state IN (…)} under the row's lock: a row the dispatcher has claimed
 * ({@code FOR UPDATE SKIP LOCKED}, then {@code sending}) waits for the claim's commit and is then no longer in a state
 * this changes, so a message is either sent or withdrawn, never both.
 */
final class Withdrawals {
    static final String DETAIL = "Withdrawn by its sender before it was sent";
    private static final int CHUNK = 1000;
    private static final int MAX_PREFIX = 200;

    private final Store store;
    private final Clock clock;

    Withdrawals(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    List<String> withdraw(Collection<String> keys) {
        List<String> checked = checked(keys);
        return change(h -> byKeys(h, checked, "state IN ('pending', 'deferred')"), true);
    }

    List<String> withdrawByPrefix(String prefix) {
        String like = like(prefix);
        return change(h -> byPrefix(h, like, "state IN ('pending', 'deferred')"), true);
    }

    List<String> requeue(Collection<String> keys) {
        List<String> checked = checked(keys);
        return change(h -> byKeys(h, checked, "state = 'withdrawn'"), false);
    }

    List<String> requeueByPrefix(String prefix) {
        String like = like(prefix);
        return change(h -> byPrefix(h, like, "state = 'withdrawn'"), false);
    }

    Map<String, String> statuses(Collection<String> keys) {
        List<String> checked = checked(keys);
        Map<String, String> out = new LinkedHashMap<>();
        store.jdbi().useHandle(h -> {
            for (List<String> chunk : chunks(checked)) {
                out.putAll(OutboxRepository.states(h, chunk));
            }
        });
        return out;
    }

    /**
     * Moves the candidate rows still in their state on (to {@code withdrawn}, or back to {@code pending}), marking the
     * rows this call moved with a token of its own, then their messages; returns the keys moved.
     */
    private List<String> change(Function<Handle, List<Long>> candidates, boolean withdraw) {
        Instant now = clock.instant();
        String token = "w:" + UUID.randomUUID();
        return store.inTransaction(tx -> {
            Handle h = tx.handle();
            List<Long> ids = candidates.apply(h);
            List<Moved> moved = new ArrayList<>();
            for (List<Long> chunk : chunks(ids)) {
                String update = withdraw
                        ? "UPDATE conv_outbox SET state = 'withdrawn', claimed_by = :token, lease_until = NULL, last_error = :detail "
                                + "WHERE id IN (<ids>) AND state IN ('pending', 'deferred')"
                        : "UPDATE conv_outbox SET state = 'pending', claimed_by = :token, due_at = :now, recheck = TRUE, last_error = NULL "
                                + "WHERE id IN (<ids>) AND state = 'withdrawn'";
                int n = h.createUpdate(update).bind("token", token).bind("detail", DETAIL).bind("now", Sql.ts(now)).bindList("ids", chunk)
                        .execute();
                if (n > 0) {
                    moved.addAll(moved(h, chunk, token, withdraw ? "withdrawn" : "pending"));
                }
            }
            for (List<Moved> chunk : chunks(moved)) {
                h.createUpdate("UPDATE conv_message SET status = :status, status_detail = :detail WHERE id IN (<ids>)")
                        .bind("status", withdraw ? "withdrawn" : "queued").bind("detail", withdraw ? DETAIL : null)
                        .bindList("ids", chunk.stream().map(Moved::messageId).toList()).execute();
            }
            String status = withdraw ? "withdrawn" : "queued";
            tx.emitAll(ConversationEvents.MESSAGE_STATUS, moved.stream().map(m -> event(m, status)).toList());
            return moved.stream().map(Moved::key).toList();
        });
    }

    /** A row this call moved, with what its status event names. */
    private record Moved(long messageId, String key, long conversationId, String channel, Long contactId, Long clientId) {}

    private static List<Moved> moved(Handle h, List<Long> ids, String token, String state) {
        return h.createQuery("SELECT o.message_id, o.idempotency_key, m.conversation_id, c.channel, c.contact_id, c.client_id "
                        + "FROM conv_outbox o JOIN conv_message m ON m.id = o.message_id JOIN conv_conversation c ON c.id = m.conversation_id "
                        + "WHERE o.id IN (<ids>) AND o.claimed_by = :token AND o.state = :state")
                .bindList("ids", ids).bind("token", token).bind("state", state)
                .map((rs, ctx) -> new Moved(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), Sql.longOrNull(rs, "contact_id"),
                        Sql.longOrNull(rs, "client_id")))
                .list();
    }

    private static Map<String, Object> event(Moved m, String status) {
        Map<String, Object> event = new HashMap<>();
        event.put(ConversationEvents.CONVERSATION_ID, m.conversationId());
        event.put(ConversationEvents.CHANNEL, m.channel());
        event.put(ConversationEvents.MESSAGE_ID, m.messageId());
        if (m.contactId() != null) {
            event.put(ConversationEvents.CONTACT_ID, m.contactId());
        }
        if (m.clientId() != null) {
            event.put(ConversationEvents.CLIENT_ID, m.clientId());
        }
        event.put(ConversationEvents.STATUS, status);
        event.put(ConversationEvents.KEY, m.key());
        return event;
    }

    private static List<Long> byKeys(Handle h, List<String> keys, String state) {
        List<Long> ids = new ArrayList<>();
        for (List<String> chunk : chunks(keys)) {
            ids.addAll(h.createQuery("SELECT id FROM conv_outbox WHERE idempotency_key IN (<keys>) AND " + state).bindList("keys", chunk)
                    .mapTo(Long.class).list());
        }
        return ids;
    }

    private static List<Long> byPrefix(Handle h, String like, String state) {
        return h.createQuery("SELECT id FROM conv_outbox WHERE " + state + " AND idempotency_key LIKE :like ESCAPE '\\'")
                .bind("like", like).mapTo(Long.class).list();
    }

    private static List<String> checked(Collection<String> keys) {
        if (keys == null) {
            throw new IllegalArgumentException("keys must be given");
        }
        if (keys.size() > Messenger.MAX_KEYS) {
            throw new IllegalArgumentException("at most " + Messenger.MAX_KEYS + " keys at a time, not " + keys.size());
        }
        return keys.stream().filter(k -> k != null && !k.isBlank()).distinct().toList();
    }

    /** The LIKE pattern of keys starting with {@code prefix}, its wildcards escaped. */
    static String like(String prefix) {
        if (prefix == null || prefix.length() < Messenger.MIN_PREFIX || prefix.length() > MAX_PREFIX || prefix.isBlank()) {
            throw new IllegalArgumentException("the key prefix must be " + Messenger.MIN_PREFIX + " to " + MAX_PREFIX + " characters");
        }
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}

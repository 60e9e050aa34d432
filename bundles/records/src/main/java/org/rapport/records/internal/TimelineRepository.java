package org.rapport.records.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.rapport.records.ClientTransaction;
import org.rapport.records.Interaction;
import org.rapport.records.InteractionInput;
import org.rapport.records.Page;
import org.rapport.records.TransactionInput;

/** SQL for the interaction timeline ({@code rec_interaction}) and transactions ({@code rec_transaction}). */
final class TimelineRepository {
    private static final String INTERACTION_COLUMNS = "id, client_id, contact_id, channel, direction, kind, summary, message_ref, "
            + "staff_id, staff_name, occurred_at";
    private static final String TRANSACTION_COLUMNS = "id, client_id, occurred_on, amount, currency, product, reference, created_at";

    private TimelineRepository() {
    }

    static long insertInteraction(Handle h, long clientId, InteractionInput in, Instant occurredAt, Instant now) {
        return h.createUpdate("INSERT INTO rec_interaction (client_id, contact_id, channel, direction, kind, summary, message_ref, "
                        + "staff_id, staff_name, occurred_at, created_at) VALUES (:client, :contact, :channel, :direction, :kind, "
                        + ":summary, :ref, :staff, :staffName, :at, :now)")
                .bind("client", clientId)
                .bind("contact", in.contactId())
                .bind("channel", in.channel())
                .bind("direction", in.direction())
                .bind("kind", in.kind())
                .bind("summary", in.summary())
                .bind("ref", in.messageRef())
                .bind("staff", in.staffId())
                .bind("staffName", in.staffName())
                .bind("at", Sql.ts(occurredAt))
                .bind("now", Sql.ts(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    static Optional<Interaction> interaction(Handle h, long id) {
        return h.createQuery("SELECT " + INTERACTION_COLUMNS + " FROM rec_interaction WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> interaction(rs)).findOne();
    }

    static Page<Interaction> interactions(Handle h, long clientId, int page, int size) {
        long total = h.createQuery("SELECT COUNT(*) FROM rec_interaction WHERE client_id = :client")
                .bind("client", clientId).mapTo(Long.class).one();
        return new Page<>(h.createQuery("SELECT " + INTERACTION_COLUMNS + " FROM rec_interaction WHERE client_id = :client "
                        + "ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("client", clientId).bind("limit", size).bind("offset", (long) (page - 1) * size)
                .map((rs, ctx) -> interaction(rs)).list(), total);
    }

    static java.util.List<Interaction> interactionsAfter(Handle h, long afterId, int limit) {
        return h.createQuery("SELECT " + INTERACTION_COLUMNS + " FROM rec_interaction WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map((rs, ctx) -> interaction(rs)).list();
    }

    static long insertTransaction(Handle h, long clientId, TransactionInput in, Instant now) {
        return h.createUpdate("INSERT INTO rec_transaction (client_id, occurred_on, amount, currency, product, reference, created_at) "
                        + "VALUES (:client, :date, :amount, :currency, :product, :reference, :now)")
                .bind("client", clientId)
                .bind("date", Date.valueOf(in.date()))
                .bind("amount", in.amount())
                .bind("currency", in.currency())
                .bind("product", in.product())
                .bind("reference", in.reference())
                .bind("now", Sql.ts(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    static void insertTransactions(Handle h, long clientId, java.util.List<TransactionInput> inputs, Instant now) {
        org.jdbi.v3.core.statement.PreparedBatch batch = h.prepareBatch("INSERT INTO rec_transaction (client_id, occurred_on, amount, "
                + "currency, product, reference, created_at) VALUES (:client, :date, :amount, :currency, :product, :reference, :now)");
        for (TransactionInput in : inputs) {
            batch.bind("client", clientId).bind("date", Date.valueOf(in.date())).bind("amount", in.amount())
                    .bind("currency", in.currency()).bind("product", in.product()).bind("reference", in.reference())
                    .bind("now", Sql.ts(now)).add();
        }
        batch.execute();
    }

    static Optional<ClientTransaction> transaction(Handle h, long id) {
        return h.createQuery("SELECT " + TRANSACTION_COLUMNS + " FROM rec_transaction WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> transaction(rs)).findOne();
    }

    static Page<ClientTransaction> transactions(Handle h, long clientId, int page, int size) {
        long total = h.createQuery("SELECT COUNT(*) FROM rec_transaction WHERE client_id = :client")
                .bind("client", clientId).mapTo(Long.class).one();
        return new Page<>(h.createQuery("SELECT " + TRANSACTION_COLUMNS + " FROM rec_transaction WHERE client_id = :client "
                        + "ORDER BY occurred_on DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("client", clientId).bind("limit", size).bind("offset", (long) (page - 1) * size)
                .map((rs, ctx) -> transaction(rs)).list(), total);
    }

    static void moveToClient(Handle h, long fromClient, long toClient) {
        for (String table : new String[] {"rec_interaction", "rec_transaction", "rec_task", "rec_change"}) {
            h.createUpdate("UPDATE " + table + " SET client_id = :to WHERE client_id = :from")
                    .bind("to", toClient).bind("from", fromClient).execute();
        }
    }

    private static Interaction interaction(ResultSet rs) throws SQLException {
        return new Interaction(rs.getLong("id"), rs.getLong("client_id"), Sql.longOrNull(rs, "contact_id"), rs.getString("channel"),
                rs.getString("direction"), rs.getString("kind"), rs.getString("summary"), rs.getString("message_ref"),
                Sql.longOrNull(rs, "staff_id"), rs.getString("staff_name"), Sql.instant(rs, "occurred_at"));
    }

    private static ClientTransaction transaction(ResultSet rs) throws SQLException {
        return new ClientTransaction(rs.getLong("id"), rs.getLong("client_id"), Sql.date(rs, "occurred_on"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("product"), rs.getString("reference"),
                Sql.instant(rs, "created_at"));
    }
}

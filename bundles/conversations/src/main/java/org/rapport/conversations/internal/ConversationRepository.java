package org.rapport.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.rapport.conversations.ConversationQuery;
import org.rapport.store.SqlArrays;

/** SQL for conversations, messages, channel ids, leads and complaints. */
final class ConversationRepository {

    static final int PREVIEW = 200;
    private static final String CONVERSATION_COLUMNS = "id, channel, account, contact_id, client_id, lead_id, address, name, subject, "
            + "language, status, mode, assignee_id, handover_summary, created_at, closed_at, last_message_at, last_inbound_at, "
            + "last_message, message_count";
    private static final String MESSAGE_COLUMNS = "id, conversation_id, direction, author, staff_id, subject, body, html, intent, sources, "
            + "status, status_detail, purpose, reply_to_client, attachments, flags, created_at";

    private ConversationRepository() {
    }

    // --- conversations ---

    static ConversationRow insertConversation(Handle h, ConversationRow c) {
        long id = h.createUpdate("INSERT INTO conv_conversation (channel, account, contact_id, client_id, lead_id, address, name, "
                        + "subject, language, status, mode, assignee_id, handover_summary, created_at, last_message_at, message_count) "
                        + "VALUES (:channel, :account, :contactId, :clientId, :leadId, :address, :name, :subject, :language, :status, "
                        + ":mode, :assigneeId, :summary, :createdAt, :createdAt, 0)")
                .bind("channel", c.channel()).bind("account", c.account()).bind("contactId", c.contactId())
                .bind("clientId", c.clientId()).bind("leadId", c.leadId()).bind("address", Sql.cut(c.address(), 320))
                .bind("name", Sql.cut(c.name(), 200)).bind("subject", Sql.cut(c.subject(), 500)).bind("language", c.language())
                .bind("status", c.status()).bind("mode", c.mode()).bind("assigneeId", c.assigneeId())
                .bind("summary", c.handoverSummary()).bind("createdAt", Sql.ts(c.createdAt()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return conversation(h, id).orElseThrow();
    }

    static Optional<ConversationRow> conversation(Handle h, long id) {
        return h.createQuery("SELECT " + CONVERSATION_COLUMNS + " FROM conv_conversation WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> conversationRow(rs)).findOne();
    }

    /** The conversations among these ids, by id (one read). */
    static Map<Long, ConversationRow> conversationsById(Handle h, Collection<Long> ids) {
        return byIds(h, "SELECT " + CONVERSATION_COLUMNS + " FROM conv_conversation ", ids, (rs, ctx) -> conversationRow(rs),
                ConversationRow::id);
    }

    /** The rows of {@code select} (ending in its FROM) whose {@code id} is among {@code ids}, by id, in one read. */
    private static <T> Map<Long, T> byIds(Handle h, String select, Collection<Long> ids, org.jdbi.v3.core.mapper.RowMapper<T> mapper,
            java.util.function.Function<T, Long> id) {
        Map<Long, T> found = new HashMap<>();
        if (!ids.isEmpty()) {
            h.createQuery(select + SqlArrays.join("ids", "id")).bindArray("ids", Long.class, SqlArrays.distinct(ids)).map(mapper)
                    .forEach(row -> found.put(id.apply(row), row));
        }
        return found;
    }

    /** The same row, locked for update in this transaction. */
    static Optional<ConversationRow> lockConversation(Handle h, long id) {
        return h.createQuery("SELECT " + CONVERSATION_COLUMNS + " FROM conv_conversation WHERE id = :id FOR UPDATE").bind("id", id)
                .map((rs, ctx) -> conversationRow(rs)).findOne();
    }

    /** The latest conversation of a contact (or a lead) on a channel and account. */
    static Optional<ConversationRow> latest(Handle h, Long contactId, Long leadId, String channel, String account) {
        String who = contactId != null ? "contact_id = :who" : "lead_id = :who";
        return h.createQuery("SELECT " + CONVERSATION_COLUMNS + " FROM conv_conversation WHERE " + who
                        + " AND channel = :channel AND account = :account ORDER BY last_message_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .bind("who", contactId != null ? contactId : leadId).bind("channel", channel).bind("account", account)
                .map((rs, ctx) -> conversationRow(rs)).findOne();
    }

    static void touch(Handle h, long id, Instant at, String preview, boolean inbound, String language) {
        h.createUpdate("UPDATE conv_conversation SET last_message_at = :at, last_message = :preview, message_count = message_count + 1"
                        + (inbound ? ", last_inbound_at = :at" : "") + (language != null ? ", language = :language" : "")
                        + " WHERE id = :id")
                .bind("at", Sql.ts(at)).bind("preview", Sql.cut(preview, PREVIEW)).bind("language", language).bind("id", id).execute();
    }

    static void setState(Handle h, long id, String status, String mode, Instant closedAt) {
        h.createUpdate("UPDATE conv_conversation SET status = :status, mode = :mode, closed_at = :closedAt WHERE id = :id")
                .bind("status", status).bind("mode", mode).bind("closedAt", Sql.ts(closedAt)).bind("id", id).execute();
    }

    static void setAssignee(Handle h, long id, Long assigneeId) {
        h.createUpdate("UPDATE conv_conversation SET assignee_id = :a WHERE id = :id").bind("a", assigneeId).bind("id", id).execute();
    }

    static void setHandover(Handle h, long id, String summary) {
        h.createUpdate("UPDATE conv_conversation SET handover_summary = :s WHERE id = :id").bind("s", Sql.cut(summary, 2000))
                .bind("id", id).execute();
    }

    static void setContact(Handle h, long id, Long contactId, Long clientId, String name) {
        h.createUpdate("UPDATE conv_conversation SET contact_id = :contact, client_id = :client, name = :name WHERE id = :id")
                .bind("contact", contactId).bind("client", clientId).bind("name", Sql.cut(name, 200)).bind("id", id).execute();
    }

    static List<ConversationRow> list(Handle h, ConversationQuery q) {
        Query query = h.createQuery("SELECT " + CONVERSATION_COLUMNS + " FROM conv_conversation" + where(q)
                + " ORDER BY last_message_at DESC, id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY");
        bindFilters(query, q);
        return query.bind("offset", (long) (q.page() - 1) * q.size()).bind("size", q.size()).map((rs, ctx) -> conversationRow(rs)).list();
    }

    static long count(Handle h, ConversationQuery q) {
        Query query = h.createQuery("SELECT COUNT(*) FROM conv_conversation" + where(q));
        bindFilters(query, q);
        return query.mapTo(Long.class).one();
    }

    private static String where(ConversationQuery q) {
        List<String> conditions = new ArrayList<>();
        conditions.add(q.status() == null ? "status IN ('open', 'waiting')" : "status = :status");
        if (q.assigneeId() != null) {
            conditions.add("assignee_id = :assignee");
        }
        if (q.unassigned()) {
            conditions.add("assignee_id IS NULL");
        }
        if (q.channel() != null) {
            conditions.add("channel = :channel");
        }
        if (q.contactId() != null) {
            conditions.add("contact_id = :contact");
        }
        if (q.clientId() != null) {
            conditions.add("client_id = :client");
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    private static void bindFilters(Query query, ConversationQuery q) {
        bindIfSet(query, "status", q.status());
        bindIfSet(query, "assignee", q.assigneeId());
        bindIfSet(query, "channel", q.channel());
        bindIfSet(query, "contact", q.contactId());
        bindIfSet(query, "client", q.clientId());
    }

    private static void bindIfSet(Query query, String name, Object value) {
        if (value != null) {
            query.bind(name, value);
        }
    }

    /** Open or waiting conversations per assignee, for routing by load. */
    static Map<Long, Long> openLoad(Handle h) {
        Map<Long, Long> load = new LinkedHashMap<>();
        h.createQuery("SELECT assignee_id, COUNT(*) FROM conv_conversation WHERE status IN ('open', 'waiting') AND mode = 'human' "
                        + "AND assignee_id IS NOT NULL GROUP BY assignee_id")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2))).forEach(e -> load.put(e.getKey(), e.getValue()));
        return load;
    }

    private static ConversationRow conversationRow(ResultSet rs) throws SQLException {
        return new ConversationRow(rs.getLong("id"), rs.getString("channel"), rs.getString("account"), Sql.longOrNull(rs, "contact_id"),
                Sql.longOrNull(rs, "client_id"), Sql.longOrNull(rs, "lead_id"), rs.getString("address"), rs.getString("name"),
                rs.getString("subject"), rs.getString("language"), rs.getString("status"), rs.getString("mode"),
                Sql.longOrNull(rs, "assignee_id"), rs.getString("handover_summary"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "closed_at"), Sql.instant(rs, "last_message_at"), Sql.instant(rs, "last_inbound_at"),
                rs.getString("last_message"), rs.getInt("message_count"));
    }

    // --- messages ---

    static long insertMessage(Handle h, MessageRow m) {
        return h.createUpdate("INSERT INTO conv_message (conversation_id, direction, author, staff_id, subject, body, html, intent, sources, "
                        + "status, status_detail, purpose, reply_to_client, attachments, flags, created_at) VALUES (:conversationId, :direction, "
                        + ":author, :staffId, :subject, :body, :html, :intent, :sources, :status, :statusDetail, :purpose, :replyToClient, "
                        + ":attachments, :flags, :createdAt)")
                .bind("conversationId", m.conversationId()).bind("direction", m.direction()).bind("author", m.author())
                .bind("staffId", m.staffId()).bind("subject", Sql.cut(m.subject(), 500)).bind("body", m.body()).bind("html", m.html())
                .bind("intent", m.intent()).bind("sources", m.sources()).bind("status", m.status())
                .bind("statusDetail", Sql.cut(m.statusDetail(), 1000)).bind("purpose", m.purpose()).bind("replyToClient", m.replyToClient()).bind("attachments", m.attachments())
                .bind("flags", m.flags()).bind("createdAt", Sql.ts(m.createdAt()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static Optional<MessageRow> message(Handle h, long id) {
        return h.createQuery("SELECT " + MESSAGE_COLUMNS + " FROM conv_message WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> messageRow(rs)).findOne();
    }

    /** The messages among these ids, by id (one read). */
    static Map<Long, MessageRow> messagesById(Handle h, Collection<Long> ids) {
        return byIds(h, "SELECT " + MESSAGE_COLUMNS + " FROM conv_message ", ids, (rs, ctx) -> messageRow(rs), MessageRow::id);
    }

    static List<MessageRow> messages(Handle h, long conversationId) {
        return h.createQuery("SELECT " + MESSAGE_COLUMNS + " FROM conv_message WHERE conversation_id = :id ORDER BY id")
                .bind("id", conversationId).map((rs, ctx) -> messageRow(rs)).list();
    }

    /** The last {@code n} messages of a conversation, oldest first. */
    static List<MessageRow> lastMessages(Handle h, long conversationId, int n) {
        List<MessageRow> newestFirst = h.createQuery("SELECT " + MESSAGE_COLUMNS + " FROM conv_message WHERE conversation_id = :id "
                        + "ORDER BY id DESC FETCH FIRST :n ROWS ONLY")
                .bind("id", conversationId).bind("n", n).map((rs, ctx) -> messageRow(rs)).list();
        List<MessageRow> result = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(result);
        return result;
    }

    static void setMessageStatus(Handle h, long id, String status, String detail) {
        h.createUpdate("UPDATE conv_message SET status = :status, status_detail = :detail WHERE id = :id").bind("status", status)
                .bind("detail", Sql.cut(detail, 1000)).bind("id", id).execute();
    }

    /**
     * Marks an outbound message sent, unless a delivery report that raced ahead of the dispatcher
     * (a chat browser acknowledges within milliseconds) already recorded it delivered or read.
     */
    /** Marks the messages sent (one batch), unless a later report said delivered or read already. */
    static void setSent(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("UPDATE conv_message SET status = 'sent', status_detail = NULL WHERE id = :id"
                + " AND (status IS NULL OR status NOT IN ('delivered', 'read'))");
        ids.forEach(id -> batch.bind("id", id).add());
        batch.execute();
    }

    static void setIntent(Handle h, long id, String intent) {
        h.createUpdate("UPDATE conv_message SET intent = :intent WHERE id = :id").bind("intent", intent).bind("id", id).execute();
    }

    /** Inbound messages of bot-mode conversations still waiting for the bot since before {@code before}. */
    static List<MessageRow> unanswered(Handle h, Instant before, int limit) {
        return h.createQuery("SELECT " + prefixed("m") + " FROM conv_message m JOIN conv_conversation c ON c.id = m.conversation_id "
                        + "WHERE m.direction = 'inbound' AND m.status = 'received' AND c.mode = 'bot' AND m.created_at < :before "
                        + "ORDER BY m.id FETCH FIRST :limit ROWS ONLY")
                .bind("before", Sql.ts(before)).bind("limit", limit).map((rs, ctx) -> messageRow(rs)).list();
    }

    private static String prefixed(String alias) {
        return alias + "." + MESSAGE_COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static MessageRow messageRow(ResultSet rs) throws SQLException {
        return new MessageRow(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("direction"), rs.getString("author"),
                Sql.longOrNull(rs, "staff_id"), rs.getString("subject"), rs.getString("body"), rs.getString("html"), rs.getString("intent"),
                rs.getString("sources"), rs.getString("status"), rs.getString("status_detail"), rs.getString("purpose"),
                rs.getBoolean("reply_to_client"), rs.getString("attachments"), rs.getString("flags"), Sql.instant(rs, "created_at"));
    }

    // --- channel ids ---

    /** Records a channel id; false when it was known already (a retransmission). */
    static boolean addExternalRef(Handle h, String channel, String account, String externalId, long messageId, long conversationId) {
        boolean known = h.createQuery("SELECT COUNT(*) FROM conv_external_ref WHERE channel = :channel AND account = :account "
                        + "AND external_id = :ext")
                .bind("channel", channel).bind("account", account).bind("ext", externalId).mapTo(Integer.class).one() > 0;
        if (known) {
            return false;
        }
        h.createUpdate("INSERT INTO conv_external_ref (channel, account, external_id, message_id, conversation_id) "
                        + "VALUES (:channel, :account, :ext, :message, :conversation)")
                .bind("channel", channel).bind("account", account).bind("ext", externalId).bind("message", messageId)
                .bind("conversation", conversationId).execute();
        return true;
    }

    /** A channel id of one of our messages, to record. */
    record NewRef(String channel, String account, String externalId, long messageId, long conversationId) {}

    /** Records channel ids of our messages in one batch, leaving out those known already. */
    static void addExternalRefs(Handle h, List<NewRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        Map<List<String>, List<NewRef>> byAccount = new LinkedHashMap<>();
        refs.forEach(r -> byAccount.computeIfAbsent(List.of(r.channel(), r.account()), k -> new ArrayList<>()).add(r));
        PreparedBatch insert = h.prepareBatch("INSERT INTO conv_external_ref (channel, account, external_id, message_id, conversation_id) "
                + "VALUES (:channel, :account, :ext, :message, :conversation)");
        int rows = 0;
        for (Map.Entry<List<String>, List<NewRef>> group : byAccount.entrySet()) {
            java.util.Set<String> known = new java.util.HashSet<>(h.createQuery("SELECT external_id FROM conv_external_ref "
                            + SqlArrays.join("ext", "external_id") + " WHERE channel = :channel AND account = :account")
                    .bindArray("ext", String.class, SqlArrays.distinct(group.getValue().stream().map(NewRef::externalId).toList()))
                    .bind("channel", group.getKey().get(0)).bind("account", group.getKey().get(1)).mapTo(String.class).list());
            for (NewRef r : group.getValue()) {
                if (known.add(r.externalId())) {
                    insert.bind("channel", r.channel()).bind("account", r.account()).bind("ext", r.externalId()).bind("message", r.messageId())
                            .bind("conversation", r.conversationId()).add();
                    rows++;
                }
            }
        }
        if (rows > 0) {
            insert.execute();
        }
    }

    /** The conversations among these that have channel ids recorded (that a message may thread to). */
    static java.util.Set<Long> withExternalRefs(Handle h, Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(h.createQuery("SELECT DISTINCT conversation_id FROM conv_external_ref "
                        + SqlArrays.join("ids", "conversation_id"))
                .bindArray("ids", Long.class, SqlArrays.distinct(conversationIds)).mapTo(Long.class).list());
    }

    /** The message and conversation a channel id belongs to. */
    static Optional<long[]> externalRef(Handle h, String channel, String account, String externalId) {
        return h.createQuery("SELECT message_id, conversation_id FROM conv_external_ref WHERE channel = :channel AND account = :account "
                        + "AND external_id = :ext")
                .bind("channel", channel).bind("account", account).bind("ext", externalId)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
    }

    /**
     * The message and conversation a reference of an inbound message points to: a channel id of this
     * account first, else of any account of the channel (a message sent without an account, e.g. a
     * campaign's, is answered into the mailbox that reads replies; our ids are unique per channel).
     */
    static Optional<long[]> referenced(Handle h, String channel, String account, String externalId) {
        return h.createQuery("SELECT message_id, conversation_id FROM conv_external_ref WHERE channel = :channel AND external_id = :ext "
                        + "ORDER BY CASE WHEN account = :account THEN 0 ELSE 1 END, message_id DESC FETCH FIRST 1 ROWS ONLY")
                .bind("channel", channel).bind("account", account).bind("ext", externalId)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
    }

    /** The channel ids of a conversation's messages, oldest first (for an email's References). */
    static List<String> externalIds(Handle h, long conversationId, int max) {
        List<String> newestFirst = h.createQuery("SELECT external_id FROM conv_external_ref WHERE conversation_id = :id "
                        + "ORDER BY message_id DESC FETCH FIRST :max ROWS ONLY")
                .bind("id", conversationId).bind("max", max).mapTo(String.class).list();
        List<String> result = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(result);
        return result;
    }

    /** The latest inbound message's channel id of a conversation (what a reply answers). */
    static Optional<String> lastInboundExternalId(Handle h, long conversationId) {
        return h.createQuery("SELECT r.external_id FROM conv_external_ref r JOIN conv_message m ON m.id = r.message_id "
                        + "WHERE r.conversation_id = :id AND m.direction = 'inbound' ORDER BY r.message_id DESC FETCH FIRST 1 ROWS ONLY")
                .bind("id", conversationId).mapTo(String.class).findOne();
    }

    // --- leads ---

    static long lead(Handle h, String channel, String address, String name, Instant now) {
        Optional<Long> existing = h.createQuery("SELECT id FROM conv_lead WHERE channel = :channel AND address = :address")
                .bind("channel", channel).bind("address", address).mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            h.createUpdate("UPDATE conv_lead SET last_seen = :now, name = COALESCE(:name, name) WHERE id = :id")
                    .bind("now", Sql.ts(now)).bind("name", Sql.cut(name, 200)).bind("id", existing.get()).execute();
            return existing.get();
        }
        return h.createUpdate("INSERT INTO conv_lead (channel, address, name, first_seen, last_seen) VALUES (:channel, :address, :name, :now, :now)")
                .bind("channel", channel).bind("address", address).bind("name", Sql.cut(name, 200)).bind("now", Sql.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    // --- complaints ---

    record ComplaintRow(long id, String reference, long conversationId, Long contactId, Long clientId, String summary, String status,
            Instant createdAt, Instant updatedAt) {}

    static ComplaintRow insertComplaint(Handle h, long conversationId, long messageId, Long contactId, Long clientId, String summary,
            Instant now) {
        long id = h.createUpdate("INSERT INTO conv_complaint (reference, conversation_id, message_id, contact_id, client_id, summary, "
                        + "status, created_at, updated_at) VALUES (:ref, :conversation, :message, :contact, :client, :summary, 'received', :now, :now)")
                .bind("ref", "pending-" + messageId).bind("conversation", conversationId).bind("message", messageId)
                .bind("contact", contactId).bind("client", clientId).bind("summary", Sql.cut(summary, 2000)).bind("now", Sql.ts(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        String reference = Complaints.reference(now, id);
        h.createUpdate("UPDATE conv_complaint SET reference = :ref WHERE id = :id").bind("ref", reference).bind("id", id).execute();
        return new ComplaintRow(id, reference, conversationId, contactId, clientId, summary, "received", now, now);
    }

    static List<ComplaintRow> complaints(Handle h, long contactId, int max) {
        return h.createQuery("SELECT " + COMPLAINT_COLUMNS + " FROM conv_complaint WHERE contact_id = :contact ORDER BY id DESC "
                        + "FETCH FIRST :max ROWS ONLY")
                .bind("contact", contactId).bind("max", max).map(ConversationRepository::complaintRow).list();
    }

    /** Complaints newest first, of one status or all ({@code null}). */
    static List<ComplaintRow> complaintsByStatus(Handle h, String status, int max) {
        return h.createQuery("SELECT " + COMPLAINT_COLUMNS + " FROM conv_complaint"
                        + (status == null ? "" : " WHERE status = :status") + " ORDER BY id DESC FETCH FIRST :max ROWS ONLY")
                .bind("status", status).bind("max", max).map(ConversationRepository::complaintRow).list();
    }

    static Optional<ComplaintRow> complaint(Handle h, long id, boolean lock) {
        return h.createQuery("SELECT " + COMPLAINT_COLUMNS + " FROM conv_complaint WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .bind("id", id).map(ConversationRepository::complaintRow).findOne();
    }

    static void setComplaintStatus(Handle h, long id, String status, Instant now) {
        h.createUpdate("UPDATE conv_complaint SET status = :status, updated_at = :now WHERE id = :id").bind("status", status)
                .bind("now", Sql.ts(now)).bind("id", id).execute();
    }

    private static final String COMPLAINT_COLUMNS = "id, reference, conversation_id, contact_id, client_id, summary, status, created_at, updated_at";

    private static ComplaintRow complaintRow(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new ComplaintRow(rs.getLong("id"), rs.getString("reference"), rs.getLong("conversation_id"), Sql.longOrNull(rs, "contact_id"),
                Sql.longOrNull(rs, "client_id"), rs.getString("summary"), rs.getString("status"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}

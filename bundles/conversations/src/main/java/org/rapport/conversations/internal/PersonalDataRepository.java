package org.rapport.conversations.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for a contact's conversation data: export, erasure and retention. */
final class PersonalDataRepository {

    static final String ERASED = "[erased]";
    /** The conversations ({@code c}) of contact {@code :c}, and the internal ones about them (a test send rendered for them). */
    private static final String OF_CONTACT = "(c.contact_id = :c OR c.about_contact_id = :c)";

    private PersonalDataRepository() {
    }

    static List<List<Object>> conversations(Handle h, long contactId) {
        return h.createQuery("SELECT id, channel, account, address, name, subject, language, status, created_at, last_message_at "
                        + "FROM conv_conversation WHERE contact_id = :c ORDER BY id")
                .bind("c", contactId)
                .map((rs, ctx) -> Arrays.<Object>asList(rs.getLong("id"), rs.getString("channel"), rs.getString("account"),
                        rs.getString("address"), rs.getString("name"), rs.getString("subject"), rs.getString("language"),
                        rs.getString("status"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_message_at")))
                .list();
    }

    static List<List<Object>> messages(Handle h, long contactId) {
        return h.createQuery("SELECT m.id, m.conversation_id, m.direction, m.author, m.subject, m.body, m.status, m.purpose, m.created_at "
                        + "FROM conv_message m JOIN conv_conversation c ON c.id = m.conversation_id WHERE " + OF_CONTACT
                        + " AND m.direction <> 'note' ORDER BY m.id")
                .bind("c", contactId)
                .map((rs, ctx) -> Arrays.<Object>asList(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("direction"),
                        rs.getString("author"), rs.getString("subject"), rs.getString("body"), rs.getString("status"),
                        rs.getString("purpose"), Sql.instant(rs, "created_at")))
                .list();
    }

    /** A message's attachments as stored (JSON), with its direction and its conversation's channel. */
    record StoredAttachments(long messageId, String direction, String channel, String json) {
    }

    /** The attachments of the messages of the contact's conversations, in message order. */
    static List<StoredAttachments> attachments(Handle h, long contactId) {
        return h.createQuery("SELECT m.id, m.direction, c.channel, m.attachments FROM conv_message m JOIN conv_conversation c ON c.id = m.conversation_id "
                        + "WHERE " + OF_CONTACT + " AND m.attachments IS NOT NULL ORDER BY m.id")
                .bind("c", contactId)
                .map((rs, ctx) -> new StoredAttachments(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Retention: the attachments of the messages of {@code channel} created before {@code cutoff}. */
    static List<StoredAttachments> attachmentsBefore(Handle h, String channel, Instant cutoff) {
        return h.createQuery("SELECT m.id, m.direction, c.channel, m.attachments FROM conv_message m JOIN conv_conversation c ON c.id = m.conversation_id "
                        + "WHERE c.channel = :channel AND m.created_at < :cutoff AND m.attachments IS NOT NULL")
                .bind("channel", channel).bind("cutoff", Sql.ts(cutoff))
                .map((rs, ctx) -> new StoredAttachments(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    static List<List<Object>> complaints(Handle h, long contactId) {
        return h.createQuery("SELECT reference, conversation_id, summary, status, created_at, updated_at FROM conv_complaint "
                        + "WHERE contact_id = :c ORDER BY id")
                .bind("c", contactId)
                .map((rs, ctx) -> Arrays.<Object>asList(rs.getString("reference"), rs.getLong("conversation_id"), rs.getString("summary"),
                        rs.getString("status"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")))
                .list();
    }

    /** Stops what is still waiting to be sent to the contact; returns how many outbox rows. */
    static int cancelOutbox(Handle h, long contactId) {
        return h.createUpdate("UPDATE conv_outbox SET state = 'blocked', last_error = 'contact erased', lease_until = NULL "
                        + "WHERE state IN ('pending', 'deferred') AND message_id IN (SELECT m.id FROM conv_message m "
                        + "JOIN conv_conversation c ON c.id = m.conversation_id WHERE " + OF_CONTACT + ")")
                .bind("c", contactId).execute();
    }

    /** Blanks every message of the contact's conversations (notes too: staff write about the client). */
    static int anonymiseMessages(Handle h, long contactId) {
        return h.createUpdate("UPDATE conv_message SET body = :erased, subject = NULL, html = NULL, attachments = NULL, flags = NULL, "
                        + "sources = NULL, status_detail = NULL WHERE conversation_id IN (SELECT c.id FROM conv_conversation c WHERE "
                        + OF_CONTACT + ")")
                .bind("erased", ERASED).bind("c", contactId).execute();
    }

    static int deleteExternalRefs(Handle h, long contactId) {
        return h.createUpdate("DELETE FROM conv_external_ref WHERE conversation_id IN (SELECT id FROM conv_conversation WHERE contact_id = :c)")
                .bind("c", contactId).execute();
    }

    static int anonymiseComplaints(Handle h, long contactId) {
        return h.createUpdate("UPDATE conv_complaint SET summary = :erased, contact_id = NULL WHERE contact_id = :c")
                .bind("erased", ERASED).bind("c", contactId).execute();
    }

    /** Last: unlinks the conversations from the contact and removes their address, name and subject. */
    static int anonymiseConversations(Handle h, long contactId) {
        // internal messages about the contact (their address is the staff member's own): subject and preview go
        h.createUpdate("UPDATE conv_conversation SET about_contact_id = NULL, subject = NULL, last_message = NULL WHERE about_contact_id = :c")
                .bind("c", contactId).execute();
        return h.createUpdate("UPDATE conv_conversation SET contact_id = NULL, address = :erased, name = NULL, subject = NULL, "
                        + "last_message = NULL, handover_summary = NULL, status = 'closed' WHERE contact_id = :c")
                .bind("erased", ERASED).bind("c", contactId).execute();
    }

    /** Retention: messages of {@code channel} created before {@code cutoff}, deleted or blanked; returns how many. */
    static int removeMessages(Handle h, String channel, Instant cutoff, boolean anonymise) {
        String inChannel = "conversation_id IN (SELECT id FROM conv_conversation WHERE channel = :channel) AND created_at < :cutoff";
        if (anonymise) {
            return h.createUpdate("UPDATE conv_message SET body = :erased, subject = NULL, html = NULL, attachments = NULL, flags = NULL "
                            + "WHERE body <> :erased AND " + inChannel)
                    .bind("erased", ERASED).bind("channel", channel).bind("cutoff", Sql.ts(cutoff)).execute();
        }
        h.createUpdate("DELETE FROM conv_outbox WHERE message_id IN (SELECT id FROM conv_message WHERE " + inChannel + ")")
                .bind("channel", channel).bind("cutoff", Sql.ts(cutoff)).execute();
        h.createUpdate("DELETE FROM conv_external_ref WHERE message_id IN (SELECT id FROM conv_message WHERE " + inChannel + ")")
                .bind("channel", channel).bind("cutoff", Sql.ts(cutoff)).execute();
        int deleted = h.createUpdate("DELETE FROM conv_message WHERE " + inChannel).bind("channel", channel)
                .bind("cutoff", Sql.ts(cutoff)).execute();
        h.createUpdate("DELETE FROM conv_conversation c WHERE channel = :channel AND status IN ('closed', 'internal') "
                        + "AND NOT EXISTS (SELECT 1 FROM conv_message m WHERE m.conversation_id = c.id)")
                .bind("channel", channel).execute();
        return deleted;
    }
}

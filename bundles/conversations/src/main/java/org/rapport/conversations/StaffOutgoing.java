package org.rapport.conversations;

/**
 * An internal message another bundle wants to send to a staff member at their own registered email
 * address (e.g. a campaign's test send to the admin themself). It passes the compliance gate with
 * purpose {@code internal} and the durable outbox like every message, but belongs to no client
 * conversation: it never shows in the inbox or a client's history.
 *
 * @param staffId the recipient staff account
 * @param subject the subject, or {@code null}
 * @param text the text
 * @param html an HTML alternative, or {@code null}
 * @param sender the sending bundle's symbolic name
 * @param key the caller's idempotency key, unique per intended message: sending the same key again
 *        sends nothing new
 * @param aboutContactId the contact whose data the message holds (a test send rendered for them), or
 *        {@code null}: that contact's data export holds the message and their erasure blanks it
 * @since 0.3
 */
public record StaffOutgoing(long staffId, String subject, String text, String html, String sender, String key, Long aboutContactId) {

    /** A message that holds no contact's data. */
    public StaffOutgoing(long staffId, String subject, String text, String html, String sender, String key) {
        this(staffId, subject, text, html, sender, key, null);
    }
}

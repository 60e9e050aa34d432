package org.rapport.conversations;

/**
 * A message another bundle wants to send to a contact (a campaign, a survey, a follow-up).
 *
 * @param contactId the recipient
 * @param channel {@code email}, {@code sms} or {@code webchat}; {@code null}: the contact's
 *        preferred channel where they have an address for it, else email, else SMS
 * @param purpose {@code service}, {@code care} or {@code marketing}
 * @param subject the subject (email), or {@code null}
 * @param text the text
 * @param html an HTML alternative (email), or {@code null}
 * @param sender the sending bundle's symbolic name
 * @param key the caller's idempotency key, unique per intended message (e.g.
 *        {@code campaign:5:run:2:contact:77}): sending the same key again sends nothing new
 * @param replyToClient true when the message answers the client's own request (a one-time code
 *        they asked for, a transcript of their chat): a {@code service} message of that kind needs
 *        no consent; false for everything we start (campaigns, surveys, reminders)
 * @since 0.1
 */
public record Outgoing(long contactId, String channel, String purpose, String subject, String text, String html, String sender,
        String key, boolean replyToClient) {

    /** A message we start (not a reply to the client's own request). */
    public Outgoing(long contactId, String channel, String purpose, String subject, String text, String html, String sender, String key) {
        this(contactId, channel, purpose, subject, text, html, sender, key, false);
    }
}

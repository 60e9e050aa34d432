package org.rapport.compliance;

/**
 * A message about to be sent, as the {@link ComplianceGate} sees it.
 *
 * @param contactId the recipient contact, or {@code null} for an unidentified sender (e.g. a lead
 *        who wrote in: only SERVICE replies to their own request may be allowed; or a staff member,
 *        with purpose {@link Purpose#INTERNAL}, at their own registered email address)
 * @param channel {@link Channels#EMAIL}, {@link Channels#SMS} or {@link Channels#WEBCHAT}
 * @param address the address on that channel (email address, phone, chat session id)
 * @param purpose why we send
 * @param content the text to send (for email: subject + "\n" + body text)
 * @param sender the sending bundle's symbolic name
 * @param replyToClient true for a service reply to the client's own request
 * @param reference the caller's reference stored with the decision, e.g. {@code "outbox:123"};
 *        re-checking the same reference (a deferred message coming due) does not count twice
 *        against frequency caps
 * @since 0.1
 */
public record OutboundRequest(Long contactId, String channel, String address, Purpose purpose,
        String content, String sender, boolean replyToClient, String reference) {
}

package org.rapport.conversations;

import java.time.Instant;

/**
 * A conversation with one client (contact or unidentified lead) on one channel.
 *
 * @param id the id
 * @param channel {@code email}, {@code webchat} or {@code sms}
 * @param account the channel account it runs on ({@code ""}: the default)
 * @param contactId the contact, or {@code null} for an unidentified lead
 * @param clientId the contact's company, or {@code null}
 * @param address the client's address on the channel
 * @param name the contact's or sender's name, or the address
 * @param subject the subject (email), or {@code null}
 * @param language the client's language as last detected: {@code zh} or {@code en}
 * @param status {@code open} (the bot or staff is on it), {@code waiting} (a person must answer),
 *        or {@code closed}
 * @param mode {@code bot} (the chatbot answers) or {@code human} (handed over to staff)
 * @param assigneeId the staff member it is routed to, or {@code null}
 * @param assigneeName that member's name, or {@code null}
 * @param handoverSummary why and what, when handed over, else {@code null}
 * @param createdAt when it started
 * @param lastMessageAt the latest message
 * @param lastMessage the latest message's text, shortened
 * @param messageCount how many messages (notes included)
 * @since 0.1
 */
public record Conversation(long id, String channel, String account, Long contactId, Long clientId, String address, String name,
        String subject, String language, String status, String mode, Long assigneeId, String assigneeName,
        String handoverSummary, Instant createdAt, Instant lastMessageAt, String lastMessage, int messageCount) {}

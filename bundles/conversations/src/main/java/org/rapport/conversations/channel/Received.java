package org.rapport.conversations.channel;

/**
 * Where an inbound message went.
 *
 * @param conversationId the conversation
 * @param messageId the stored message
 * @param contactId the contact identified, or {@code null} (an unidentified lead)
 * @param duplicate true when the message had been received before (nothing new was stored)
 * @since 0.1
 */
public record Received(long conversationId, long messageId, Long contactId, boolean duplicate) {}

package org.rapport.conversations;

/**
 * What the outbound path did with an {@link Outgoing} message.
 *
 * @param key the caller's key
 * @param status {@code queued} (in the outbox), {@code deferred} (held until the gate allows,
 *        e.g. after quiet hours), {@code blocked} (the gate denied it), {@code duplicate} (the key
 *        was sent before; nothing new), {@code unreachable} (no address for the channel), or
 *        {@code invalid} (the message itself is malformed: no key, no text, an unknown purpose)
 * @param reasonCode the gate's reason code, or another machine code for the status
 * @param reason in words
 * @param messageId the conversation message, or {@code null} when none was stored
 * @param conversationId its conversation, or {@code null}
 * @since 0.1
 */
public record SendOutcome(String key, String status, String reasonCode, String reason, Long messageId, Long conversationId) {

    public boolean accepted() {
        return "queued".equals(status) || "deferred".equals(status);
    }
}

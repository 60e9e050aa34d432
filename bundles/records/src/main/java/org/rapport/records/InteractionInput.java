package org.rapport.records;

import java.time.Instant;

/**
 * A new timeline entry (see {@link Interaction} for the values).
 *
 * @param contactId the contact, or {@code null}
 * @param channel the channel (required)
 * @param direction the direction (required)
 * @param kind the kind ({@code null}: {@code contact})
 * @param summary the summary (required, at most 2000 characters)
 * @param messageRef a link to the message, or {@code null}
 * @param staffId the staff user, or {@code null}
 * @param staffName that user's name, or {@code null}
 * @param occurredAt when ({@code null}: now)
 * @since 0.1
 */
public record InteractionInput(Long contactId, String channel, String direction, String kind, String summary,
        String messageRef, Long staffId, String staffName, Instant occurredAt) {}

package org.rapport.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up task on a client.
 *
 * @param id the id
 * @param clientId the company
 * @param contactId the contact, or {@code null}
 * @param title what to do
 * @param due the due date
 * @param ownerId the responsible staff user, or {@code null}
 * @param status {@code open}, {@code done} or {@code cancelled}
 * @param createdAt when created
 * @param doneAt when done or cancelled, or {@code null}
 * @since 0.1
 */
public record FollowUp(long id, long clientId, Long contactId, String title, LocalDate due, Long ownerId,
        String status, Instant createdAt, Instant doneAt) {}

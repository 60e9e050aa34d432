package org.rapport.records;

import java.time.LocalDate;

/**
 * The fields of a follow-up task (complete state on update).
 *
 * @param contactId the contact, or {@code null}
 * @param title what to do (required)
 * @param due the due date (required)
 * @param ownerId the responsible staff user, or {@code null}
 * @param status {@code open} (default), {@code done} or {@code cancelled}
 * @since 0.1
 */
public record FollowUpInput(Long contactId, String title, LocalDate due, Long ownerId, String status) {}

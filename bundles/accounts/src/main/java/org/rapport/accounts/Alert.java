package org.rapport.accounts;

import java.time.Instant;

/**
 * A notification to an account manager, e.g. a client's churn risk crossing the threshold.
 *
 * @param id the id
 * @param managerId the manager notified ({@code 0}: every manager and admin, for unassigned clients)
 * @param clientId the client
 * @param kind e.g. {@code churn_risk}, {@code overdue_follow_up}
 * @param zh the message in Chinese
 * @param en the message in English
 * @param createdAt when raised
 * @param readAt when read, or {@code null}
 * @since 0.1
 */
public record Alert(long id, long managerId, long clientId, String kind, String zh, String en, Instant createdAt, Instant readAt) {}

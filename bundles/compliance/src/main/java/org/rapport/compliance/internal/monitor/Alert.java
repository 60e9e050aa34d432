package org.rapport.compliance.internal.monitor;

import java.time.Instant;

/**
 * A compliance alert.
 *
 * @param id the id
 * @param rule the rule that raised it ({@code opted_out_send}, {@code frequency_cap}, {@code bulk_export}, {@code many_reads},
 *        {@code after_hours}, {@code chain_broken})
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param title one line, English
 * @param detail what happened (ids, counts; no personal data)
 * @param userId the staff member concerned, or {@code null}
 * @param clientId the client concerned, or {@code null}
 * @param contactId the contact concerned, or {@code null}
 * @param status {@code open}, {@code acknowledged} or {@code resolved}
 * @param occurrences how often it happened while open
 * @param firstAt first occurrence
 * @param lastAt last occurrence
 * @param acknowledgedBy who acknowledged it
 * @param acknowledgedAt when
 * @param resolvedBy who resolved it
 * @param resolvedAt when
 * @param note the resolver's note
 */
public record Alert(long id, String rule, String severity, String title, String detail, Long userId, Long clientId, Long contactId,
        String status, int occurrences, Instant firstAt, Instant lastAt, String acknowledgedBy, Instant acknowledgedAt, String resolvedBy,
        Instant resolvedAt, String note) {
}

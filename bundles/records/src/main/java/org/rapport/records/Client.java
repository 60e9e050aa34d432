package org.rapport.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A client company (client account) and its account standing.
 *
 * @param id the id
 * @param name the company name
 * @param registrationNo registration number (e.g. the unified social credit code), or {@code null}
 * @param industry industry id, or {@code null}
 * @param region region id, or {@code null}
 * @param annualRevenue annual revenue in CNY, or {@code null}
 * @param employees employee count, or {@code null}
 * @param tags tags, in order
 * @param status {@code active}, {@code inactive} or {@code closed}
 * @param clientSince when the business relationship began, or {@code null}
 * @param standing tier, stage, manager and scores (set by account management)
 * @param createdAt when the record was created
 * @param updatedAt when it last changed
 * @since 0.1
 */
public record Client(long id, String name, String registrationNo, String industry, String region,
        BigDecimal annualRevenue, Integer employees, List<String> tags, String status, java.time.LocalDate clientSince,
        Standing standing,
        Instant createdAt, Instant updatedAt) {

    public Client {
        tags = List.copyOf(tags);
    }
}

package org.rapport.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The fields of a client company that staff or an import set. On update every field is
 * written, so callers send the complete state (the REST layer merges a partial update onto the
 * current record first).
 *
 * @param name the company name (required, at most 200 characters)
 * @param registrationNo the registration number, or {@code null}
 * @param industry industry id, or {@code null}
 * @param region region id, or {@code null}
 * @param annualRevenue annual revenue in CNY (not negative), or {@code null}
 * @param employees employee count (not negative), or {@code null}
 * @param tags tags ({@code null} is empty)
 * @param status {@code active} (default when {@code null}), {@code inactive} or {@code closed}
 * @param clientSince when the business relationship began (not in the future), or {@code null}
 * @since 0.1
 */
public record ClientInput(String name, String registrationNo, String industry, String region,
        BigDecimal annualRevenue, Integer employees, List<String> tags, String status, LocalDate clientSince) {

    public ClientInput {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Without a relationship start date. */
    public ClientInput(String name, String registrationNo, String industry, String region, BigDecimal annualRevenue,
            Integer employees, List<String> tags, String status) {
        this(name, registrationNo, industry, region, annualRevenue, employees, tags, status, null);
    }

    /** The input that reproduces {@code client}'s current fields. */
    public static ClientInput of(Client client) {
        return new ClientInput(client.name(), client.registrationNo(), client.industry(), client.region(),
                client.annualRevenue(), client.employees(), client.tags(), client.status(), client.clientSince());
    }
}

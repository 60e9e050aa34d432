package org.rapport.records;

import java.util.Set;

/**
 * Filters, sorting and paging for listing clients. {@code null} filters match everything.
 *
 * @param text part of the name or registration number (case-insensitive), or {@code null}
 * @param tiers tier ids, or empty
 * @param stages lifecycle stage ids, or empty
 * @param managerId only clients of this manager ({@code 0}: only unassigned), or {@code null}
 * @param minChurnRisk churn risk at least this, or {@code null}
 * @param region region id, or {@code null}
 * @param industry industry id, or {@code null}
 * @param status status, or {@code null}
 * @param tag a tag the client has, or {@code null}
 * @param sort a sortable field ({@code name}, {@code createdAt}, {@code updatedAt}, {@code valueScore},
 *     {@code churnRisk}, {@code tier}, {@code annualRevenue}), prefixed with {@code -} for descending
 * @param page the page, from 1
 * @param size items per page, 1 to {@value #MAX_SIZE}
 * @since 0.1
 */
public record ClientQuery(String text, Set<String> tiers, Set<String> stages, Long managerId, Integer minChurnRisk,
        String region, String industry, String status, String tag, String sort, int page, int size) {

    /** The largest page. */
    public static final int MAX_SIZE = 500;

    public ClientQuery {
        tiers = tiers == null ? Set.of() : Set.copyOf(tiers);
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        sort = sort == null || sort.isBlank() ? "name" : sort;
        if (page < 1) {
            throw new InvalidRecordException("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRecordException("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** All clients, by name, the given page. */
    public static ClientQuery all(int page, int size) {
        return new ClientQuery(null, null, null, null, null, null, null, null, null, null, page, size);
    }
}

package org.rapport.accounts;

import java.util.Set;

/**
 * What an admin sets for an account manager.
 *
 * @param active whether the manager takes clients (deactivating moves the clients away)
 * @param capacity the most clients, 0 to 1000
 * @param seniority 1 to 3
 * @param industries industry ids ({@code null}: none)
 * @param products product ids ({@code null}: none)
 * @since 0.1
 */
public record ManagerProfile(boolean active, int capacity, int seniority, Set<String> industries, Set<String> products) {

    public ManagerProfile {
        industries = industries == null ? Set.of() : Set.copyOf(industries);
        products = products == null ? Set.of() : Set.copyOf(products);
    }
}

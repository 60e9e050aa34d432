package org.rapport.accounts.internal.engine;

import java.util.Set;

/**
 * An account manager as the assigner sees them.
 *
 * @param id the manager's id
 * @param active whether they may receive clients (false when deactivated or gone)
 * @param capacity the most clients they may hold
 * @param load the clients they hold now, including any listed as their current assignments
 * @param seniority 1 (junior) to 3 (senior)
 * @param industries industries they know
 * @param products products they know
 */
public record ManagerProfile(long id, boolean active, int capacity, int load, int seniority,
        Set<String> industries, Set<String> products) {

    public ManagerProfile {
        if (capacity < 0 || load < 0) {
            throw new IllegalArgumentException("capacity and load must not be negative");
        }
        if (seniority < 1 || seniority > 3) {
            throw new IllegalArgumentException("seniority must be 1-3: " + seniority);
        }
        industries = industries == null ? Set.of() : Set.copyOf(industries);
        products = products == null ? Set.of() : Set.copyOf(products);
    }
}

package org.rapport.accounts;

import java.util.Set;

/**
 * A staff user as account manager.
 *
 * @param userId the staff user id
 * @param username the user name
 * @param displayName the display name
 * @param active whether the manager takes clients
 * @param capacity the most clients the manager may hold
 * @param seniority 1 (junior) to 3 (senior)
 * @param industries industry ids the manager knows
 * @param products product ids the manager knows
 * @param load the number of clients assigned now
 * @since 0.1
 */
public record AccountManager(long userId, String username, String displayName, boolean active, int capacity, int seniority,
        Set<String> industries, Set<String> products, int load) {

    public AccountManager {
        industries = Set.copyOf(industries);
        products = Set.copyOf(products);
    }

    /** True when the manager holds more clients than the capacity allows. */
    public boolean overCapacity() {
        return load > capacity;
    }
}

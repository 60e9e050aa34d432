package org.rapport.accounts.internal.engine;

import java.time.LocalDate;
import java.util.Set;

/**
 * A client as currently assigned, input of {@link Assigner#rebalance}.
 *
 * @param clientId the client
 * @param managerId its manager
 * @param tier its tier id
 * @param industry its industry, nullable
 * @param products products it uses
 * @param assignedOn when it was assigned to this manager, nullable (treated as oldest)
 */
public record CurrentAssignment(long clientId, long managerId, String tier, String industry, Set<String> products,
        LocalDate assignedOn) {

    public CurrentAssignment {
        TierThresholds.requireTierId(tier);
        products = products == null ? Set.of() : Set.copyOf(products);
    }
}

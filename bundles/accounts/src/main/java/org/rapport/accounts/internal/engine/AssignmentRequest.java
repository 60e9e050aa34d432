package org.rapport.accounts.internal.engine;

import java.util.Set;

/**
 * A client that needs an account manager (new, or to be checked after a tier change).
 *
 * @param clientId the client
 * @param tier its tier id
 * @param industry its industry, nullable
 * @param products products it uses
 * @param currentManagerId its manager now, nullable; when set, that manager's load counts this client
 */
public record AssignmentRequest(long clientId, String tier, String industry, Set<String> products,
        Long currentManagerId) {

    public AssignmentRequest {
        TierThresholds.requireTierId(tier);
        products = products == null ? Set.of() : Set.copyOf(products);
    }
}

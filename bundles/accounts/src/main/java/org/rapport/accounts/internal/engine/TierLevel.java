package org.rapport.accounts.internal.engine;

/**
 * One tier and the minimum value score that earns it.
 *
 * @param id lowercase tier id, e.g. {@code core}
 * @param minScore minimum value score 0-100
 */
public record TierLevel(String id, int minScore) {

    public TierLevel {
        TierThresholds.requireTierId(id);
        if (minScore < 0 || minScore > 100) {
            throw new IllegalArgumentException("minScore must be within 0-100: " + minScore);
        }
    }
}

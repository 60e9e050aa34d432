package org.rapport.accounts.internal.engine;

import java.util.Map;

/**
 * Contact cadence: days between follow-ups per tier.
 *
 * @param daysByTier days between contacts for each tier id
 * @param defaultDays days for tiers not listed (and clients without a tier)
 */
public record FollowUpConfig(Map<String, Integer> daysByTier, int defaultDays) {

    public FollowUpConfig {
        daysByTier = Map.copyOf(daysByTier);
        if (defaultDays < 1 || daysByTier.values().stream().anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("follow-up intervals must be at least 1 day");
        }
    }

    /** core 30 (monthly), key 60, standard 90 (quarterly), prospect 180; others 90. */
    public static FollowUpConfig defaults() {
        return new FollowUpConfig(Map.of("core", 30, "key", 60, "standard", 90, "prospect", 180), 90);
    }

    /** Days between contacts for the tier (nullable). */
    public int daysFor(String tier) {
        return tier == null ? defaultDays : daysByTier.getOrDefault(tier, defaultDays);
    }
}

package org.rapport.accounts.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tier thresholds: the scored tiers with their minimum scores, the fallback tier for
 * everything below, and the hysteresis band.
 *
 * <p>Levels are kept ordered from the highest minimum score down, whatever the order given.
 * {@code hysteresis} is the number of points a client's score must fall below the
 * threshold of its current tier before it drops (0 disables it); see {@link TierPolicy}.
 *
 * @param levels scored tiers, e.g. core 75, key 55, standard 30
 * @param fallbackTier tier for scores below every level, e.g. {@code prospect}
 * @param hysteresis points below a threshold before a client drops out of its current tier
 */
public record TierThresholds(List<TierLevel> levels, String fallbackTier, int hysteresis) {

    public TierThresholds {
        requireTierId(fallbackTier);
        List<TierLevel> sorted = new ArrayList<>(levels);
        sorted.sort(Comparator.comparingInt(TierLevel::minScore).reversed());
        Set<String> ids = new HashSet<>();
        ids.add(fallbackTier);
        for (TierLevel level : sorted) {
            if (!ids.add(level.id())) {
                throw new IllegalArgumentException("duplicate tier: " + level.id());
            }
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).minScore() == sorted.get(i - 1).minScore()) {
                throw new IllegalArgumentException("two tiers share the minimum score " + sorted.get(i).minScore());
            }
        }
        if (hysteresis < 0 || hysteresis > 100) {
            throw new IllegalArgumentException("hysteresis must be within 0-100: " + hysteresis);
        }
        levels = List.copyOf(sorted);
    }

    /** core ≥ 75, key ≥ 55, standard ≥ 30, else prospect; hysteresis 3 points. */
    public static TierThresholds defaults() {
        return new TierThresholds(
                List.of(new TierLevel("core", 75), new TierLevel("key", 55), new TierLevel("standard", 30)),
                "prospect", 3);
    }

    /** All tier ids from the highest to the fallback. */
    public List<String> order() {
        List<String> order = new ArrayList<>();
        levels.forEach(l -> order.add(l.id()));
        order.add(fallbackTier);
        return List.copyOf(order);
    }

    /** Position of the tier in {@link #order()} (0 = highest), or -1 when unknown or null. */
    public int rank(String tier) {
        return tier == null ? -1 : order().indexOf(tier);
    }

    static void requireTierId(String id) {
        if (id == null || id.isBlank() || !id.equals(id.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("tier id must be non-blank and lowercase: " + id);
        }
    }
}

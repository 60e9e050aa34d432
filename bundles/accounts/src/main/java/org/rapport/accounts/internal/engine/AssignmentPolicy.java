package org.rapport.accounts.internal.engine;

import java.util.List;
import java.util.Map;

/**
 * Rules of the assigner: which tiers go first and which seniorities each tier may get, in order of preference.
 *
 * <p>A seniority not listed for a tier never receives that tier's clients. Defaults: core
 * gets seniority 3, else 2 (never a junior: a core client without a senior manager is
 * reported unassigned for a human to decide); key prefers 2, then 3, then 1; standard and
 * prospect prefer juniors (1, 2, 3) to keep seniors free for high-value clients, as the
 * account-allocation article suggests.
 *
 * @param tierPriority tiers in the order they are served (most valuable first); unknown tiers come last
 * @param seniorityByTier per tier, the allowed seniorities, preferred first
 * @param defaultSeniority allowed seniorities for tiers not in {@code seniorityByTier}
 * @param keepCurrentManager keep a client with its current manager when that manager is active, suitable and not over capacity
 */
public record AssignmentPolicy(List<String> tierPriority, Map<String, List<Integer>> seniorityByTier,
        List<Integer> defaultSeniority, boolean keepCurrentManager) {

    public AssignmentPolicy {
        tierPriority = List.copyOf(tierPriority);
        seniorityByTier = Map.copyOf(seniorityByTier);
        defaultSeniority = List.copyOf(defaultSeniority);
        seniorityByTier.values().forEach(AssignmentPolicy::requireSeniorities);
        requireSeniorities(defaultSeniority);
    }

    /** core [3, 2], key [2, 3, 1], standard and prospect [1, 2, 3], others [1, 2, 3]; keep current managers. */
    public static AssignmentPolicy defaults() {
        return new AssignmentPolicy(List.of("core", "key", "standard", "prospect"),
                Map.of("core", List.of(3, 2), "key", List.of(2, 3, 1),
                        "standard", List.of(1, 2, 3), "prospect", List.of(1, 2, 3)),
                List.of(1, 2, 3), true);
    }

    /** Allowed seniorities for the tier, preferred first. */
    public List<Integer> senioritiesFor(String tier) {
        return seniorityByTier.getOrDefault(tier, defaultSeniority);
    }

    /** Position of the tier in {@link #tierPriority()}; unknown tiers after all known ones. */
    public int priorityOf(String tier) {
        int index = tierPriority.indexOf(tier);
        return index >= 0 ? index : tierPriority.size();
    }

    private static void requireSeniorities(List<Integer> seniorities) {
        if (seniorities.stream().anyMatch(s -> s < 1 || s > 3) || seniorities.stream().distinct().count() != seniorities.size()) {
            throw new IllegalArgumentException("seniorities must be distinct values 1-3: " + seniorities);
        }
    }
}

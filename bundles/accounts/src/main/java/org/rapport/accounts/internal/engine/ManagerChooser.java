package org.rapport.accounts.internal.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the best manager for one client: allowed seniority in tier preference order, then
 * industry match, then most shared products, then most remaining capacity ratio, then
 * lowest id. Inactive managers and managers without free capacity are never picked.
 */
final class ManagerChooser {

    private final AssignmentPolicy policy;

    ManagerChooser(AssignmentPolicy policy) {
        this.policy = policy;
    }

    /** Whether the manager's seniority is allowed for the tier. */
    boolean suits(ManagerProfile m, String tier) {
        return policy.senioritiesFor(tier).contains(m.seniority());
    }

    /** The best candidate other than {@code excluded}, or null when none is active, suitable and free. */
    Fit best(LoadBook book, String tier, String industry, Set<String> products, Long excluded) {
        Fit best = null;
        for (ManagerProfile m : book.managers()) {
            if (!m.active() || !suits(m, tier) || book.free(m) <= 0 || Long.valueOf(m.id()).equals(excluded)) {
                continue;
            }
            Fit fit = fit(m, book, tier, industry, products);
            if (best == null || ORDER.compare(fit, best) < 0) {
                best = fit;
            }
        }
        return best;
    }

    /** The fit of a manager for a client, given the manager's current load in the book. */
    Fit fit(ManagerProfile m, LoadBook book, String tier, String industry, Set<String> products) {
        Set<String> shared = new TreeSet<>(products);
        shared.retainAll(m.products());
        int choice = policy.senioritiesFor(tier).indexOf(m.seniority()) + 1;
        boolean industryMatch = industry != null && m.industries().contains(industry);
        return new Fit(m.id(), m.seniority(), choice == 0 ? Integer.MAX_VALUE : choice, industryMatch,
                List.copyOf(shared), book.free(m), m.capacity());
    }

    /** Better fits first. */
    private static final Comparator<Fit> ORDER = Comparator
            .comparingInt(Fit::seniorityChoice)
            .thenComparing(Fit::industryMatch, Comparator.reverseOrder())
            .thenComparing(f -> f.sharedProducts().size(), Comparator.reverseOrder())
            .thenComparing(ManagerChooser::compareFreeRatio)
            .thenComparingLong(Fit::managerId);

    private static int compareFreeRatio(Fit a, Fit b) {
        // a before b when a's free/capacity is larger; cross-multiplied to stay exact
        long left = (long) a.freeSlots() * b.capacity();
        long right = (long) b.freeSlots() * a.capacity();
        return Long.compare(right, left);
    }
}

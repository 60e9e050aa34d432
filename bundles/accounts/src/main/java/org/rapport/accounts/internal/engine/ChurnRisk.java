package org.rapport.accounts.internal.engine;

import java.util.Comparator;
import java.util.List;

/**
 * A client's churn risk score 0-100 and the reasons behind it, largest contribution first.
 *
 * @param score 0-100
 * @param reasons the contributing reasons (only those with points), sorted by points descending, then code
 */
public record ChurnRisk(int score, List<RiskReason> reasons) {

    public ChurnRisk {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be within 0-100: " + score);
        }
        reasons = reasons.stream()
                .sorted(Comparator.comparingInt(RiskReason::points).reversed().thenComparing(RiskReason::code))
                .toList();
    }

    /** The {@code n} largest reasons (all when there are fewer). */
    public List<RiskReason> topReasons(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return reasons.subList(0, Math.min(n, reasons.size()));
    }
}

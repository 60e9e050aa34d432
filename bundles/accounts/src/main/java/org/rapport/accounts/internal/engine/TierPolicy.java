package org.rapport.accounts.internal.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Decides a client's tier from its value score, a manual override and its current tier.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>An override that is active on {@code today} (see {@link TierOverride#activeOn}) wins.
 *       An expired override is ignored, and the reason says it expired.</li>
 *   <li>Otherwise the tier is the highest level whose minimum score the value score reaches,
 *       or the fallback tier.</li>
 *   <li>Hysteresis: upgrades take effect as soon as the score reaches a threshold, but a
 *       client drops below its current tier only when its score is more than
 *       {@link TierThresholds#hysteresis()} points below that tier's threshold. For the
 *       current tier and the tiers below it the thresholds are lowered by the band, so with
 *       the defaults a core client stays core down to 72 and becomes key at 71; a standard
 *       client is not promoted to key before 55. This stops clients whose score hovers
 *       around a threshold from flapping between tiers at every recomputation.</li>
 * </ol>
 */
public final class TierPolicy {

    private final TierThresholds thresholds;

    public TierPolicy(TierThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * Decides the tier.
     *
     * @param score value score 0-100
     * @param currentTier the tier stored now, nullable (no hysteresis then)
     * @param override manual override, nullable
     * @param today the evaluation date
     */
    public TierDecision decide(int score, String currentTier, TierOverride override, LocalDate today) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be within 0-100: " + score);
        }
        if (override != null && thresholds.rank(override.tier()) < 0) {
            throw new IllegalArgumentException("override names an unknown tier: " + override.tier());
        }
        if (override != null && override.activeOn(today)) {
            return overridden(override, currentTier);
        }
        TierDecision decision = byScore(score, currentTier);
        if (override == null) {
            return decision;
        }
        return new TierDecision(decision.tier(), decision.basis(), decision.changed(),
                decision.reasonZh() + "（人工指定的" + Labels.tierZh(override.tier()) + "已于 "
                        + override.expiresOn() + " 到期）",
                decision.reasonEn() + " (manual override to " + Labels.tierEn(override.tier())
                        + " expired on " + override.expiresOn() + ")");
    }

    /** The tier by score alone, without hysteresis or override. */
    public String tierFor(int score) {
        for (TierLevel level : thresholds.levels()) {
            if (score >= level.minScore()) {
                return level.id();
            }
        }
        return thresholds.fallbackTier();
    }

    private TierDecision overridden(TierOverride override, String currentTier) {
        String tier = override.tier();
        String untilZh = override.expiresOn() == null ? "长期有效" : override.expiresOn() + " 到期";
        String untilEn = override.expiresOn() == null ? "(no expiry)" : "(expires on " + override.expiresOn() + ")";
        String why = override.reason().isBlank() ? "" : "：" + override.reason();
        String whyEn = override.reason().isBlank() ? "" : ": " + override.reason();
        return new TierDecision(tier, TierDecision.Basis.OVERRIDE, !tier.equals(currentTier),
                "人工指定为" + Labels.tierZh(tier) + "（" + untilZh + "）" + why,
                "Manual override to " + Labels.tierEn(tier) + " " + untilEn + whyEn);
    }

    private TierDecision byScore(int score, String currentTier) {
        String raw = tierFor(score);
        int currentRank = thresholds.rank(currentTier);
        List<TierLevel> levels = thresholds.levels();
        if (currentRank >= 0 && currentRank < thresholds.rank(raw) && thresholds.hysteresis() > 0) {
            for (int i = 0; i < levels.size(); i++) {
                TierLevel level = levels.get(i);
                int band = i >= currentRank ? thresholds.hysteresis() : 0;
                if (score >= level.minScore() - band) {
                    if (!level.id().equals(raw)) {
                        return held(score, level, currentTier);
                    }
                    break;
                }
            }
        }
        return scored(score, raw, currentTier);
    }

    private TierDecision held(int score, TierLevel level, String currentTier) {
        String tier = level.id();
        int band = thresholds.hysteresis();
        return new TierDecision(tier, TierDecision.Basis.HYSTERESIS, !tier.equals(currentTier),
                "价值评分 " + score + " 低于" + Labels.tierZh(tier) + "标准（" + level.minScore() + "），但在 "
                        + band + " 分缓冲区内，保持" + Labels.tierZh(tier),
                "Value score " + score + " is below " + Labels.tierEn(tier) + " (" + level.minScore()
                        + ") but within the " + band + "-point hysteresis band; stays " + Labels.tierEn(tier));
    }

    private TierDecision scored(int score, String tier, String currentTier) {
        boolean changed = !tier.equals(currentTier);
        if (tier.equals(thresholds.fallbackTier())) {
            if (thresholds.levels().isEmpty()) {
                return new TierDecision(tier, TierDecision.Basis.SCORE, changed,
                        "价值评分 " + score + "，归为" + Labels.tierZh(tier),
                        "Value score " + score + ": " + Labels.tierEn(tier));
            }
            TierLevel lowest = thresholds.levels().get(thresholds.levels().size() - 1);
            return new TierDecision(tier, TierDecision.Basis.SCORE, changed,
                    "价值评分 " + score + "，低于" + Labels.tierZh(lowest.id()) + "标准（" + lowest.minScore()
                            + "），归为" + Labels.tierZh(tier),
                    "Value score " + score + " is below " + Labels.tierEn(lowest.id()) + " (" + lowest.minScore()
                            + "): " + Labels.tierEn(tier));
        }
        int min = thresholds.levels().get(thresholds.rank(tier)).minScore();
        return new TierDecision(tier, TierDecision.Basis.SCORE, changed,
                "价值评分 " + score + "，达到" + Labels.tierZh(tier) + "标准（≥ " + min + "）",
                "Value score " + score + " reaches " + Labels.tierEn(tier) + " (≥ " + min + ")");
    }
}

package org.rapport.accounts.internal.engine;

import java.time.LocalDate;
import java.util.Objects;

/** Runs the per-client rules in order: value → tier, churn → stage, then follow-up on the new tier. */
public final class ClientEvaluator {

    private final ValueScorer valueScorer;
    private final TierPolicy tierPolicy;
    private final ChurnScorer churnScorer;
    private final LifecycleRules lifecycleRules;
    private final FollowUpCadence followUpCadence;

    public ClientEvaluator(ValueScorer valueScorer, TierPolicy tierPolicy, ChurnScorer churnScorer,
            LifecycleRules lifecycleRules, FollowUpCadence followUpCadence) {
        this.valueScorer = Objects.requireNonNull(valueScorer);
        this.tierPolicy = Objects.requireNonNull(tierPolicy);
        this.churnScorer = Objects.requireNonNull(churnScorer);
        this.lifecycleRules = Objects.requireNonNull(lifecycleRules);
        this.followUpCadence = Objects.requireNonNull(followUpCadence);
    }

    /** An evaluator with every default configuration. */
    public static ClientEvaluator withDefaults() {
        return new ClientEvaluator(new ValueScorer(ValueWeights.defaults()), new TierPolicy(TierThresholds.defaults()),
                new ChurnScorer(ChurnWeights.defaults()), new LifecycleRules(LifecycleConfig.defaults()),
                new FollowUpCadence(FollowUpConfig.defaults()));
    }

    /**
     * Evaluates one client.
     *
     * @param facts the client
     * @param override manual tier override, nullable
     * @param stageSince when the stored stage was entered, nullable
     * @param today the evaluation date
     */
    public ClientEvaluation evaluate(ClientFacts facts, TierOverride override, LocalDate stageSince, LocalDate today) {
        ValueScore value = valueScorer.score(facts, today);
        TierDecision tier = tierPolicy.decide(value.score(), facts.currentTier(), override, today);
        ChurnRisk churn = churnScorer.score(facts, today);
        StageDecision stage = lifecycleRules.decide(facts, churn.score(), stageSince, today);
        FollowUp followUp = followUpCadence.next(tier.tier(), facts.lastInteractionOn(), facts.createdOn());
        return new ClientEvaluation(facts.clientId(), value, tier, churn, stage, followUp);
    }
}

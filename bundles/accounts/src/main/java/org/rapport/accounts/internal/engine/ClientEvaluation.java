package org.rapport.accounts.internal.engine;

/**
 * Every per-client decision of one evaluation run.
 *
 * @param clientId the client
 * @param value its value score
 * @param tier its tier decision (from the value score)
 * @param churn its churn risk
 * @param stage its lifecycle stage decision (from the churn risk)
 * @param followUp its next follow-up (on the decided tier's cadence)
 */
public record ClientEvaluation(long clientId, ValueScore value, TierDecision tier, ChurnRisk churn,
        StageDecision stage, FollowUp followUp) {
}

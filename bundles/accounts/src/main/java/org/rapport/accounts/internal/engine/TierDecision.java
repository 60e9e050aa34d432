package org.rapport.accounts.internal.engine;

/**
 * The tier a client gets and why.
 *
 * @param tier the tier id
 * @param basis what decided it
 * @param changed whether it differs from the client's current tier
 * @param reasonZh the reason in Chinese
 * @param reasonEn the reason in English
 */
public record TierDecision(String tier, Basis basis, boolean changed, String reasonZh, String reasonEn) {

    /** What decided a tier. */
    public enum Basis {
        /** The value score against the thresholds. */
        SCORE,
        /** The client kept its current tier because the score is within the hysteresis band. */
        HYSTERESIS,
        /** A manual override that has not expired. */
        OVERRIDE
    }
}

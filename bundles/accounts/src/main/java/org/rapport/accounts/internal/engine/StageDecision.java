package org.rapport.accounts.internal.engine;

/**
 * The lifecycle stage a client is in and why.
 *
 * @param stage the decided stage
 * @param previous the stage stored before, null when none or unknown
 * @param changed whether the stage differs from the stored one
 * @param rule the code of the rule that decided, e.g. {@code inactive} (see {@link LifecycleRules})
 * @param reasonZh the reason in Chinese, with the figures
 * @param reasonEn the reason in English, with the figures
 */
public record StageDecision(Stage stage, Stage previous, boolean changed, String rule, String reasonZh, String reasonEn) {
}

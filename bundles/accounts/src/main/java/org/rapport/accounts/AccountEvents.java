package org.rapport.accounts;

/**
 * EventAdmin topics of account management. Properties: {@code client.id} and, per topic, the
 * ones named.
 *
 * @since 0.1
 */
public final class AccountEvents {

    public static final String PREFIX = "org/rapport/accounts/";
    /** Churn risk crossed the alert threshold upwards: {@code churn.risk}, {@code manager.id}. */
    public static final String CHURN_ALERT = PREFIX + "CHURN_ALERT";
    /** The tier changed: {@code from}, {@code to}. */
    public static final String TIER_CHANGED = PREFIX + "TIER_CHANGED";
    /** The lifecycle stage changed: {@code from}, {@code to}. */
    public static final String STAGE_CHANGED = PREFIX + "STAGE_CHANGED";
    /** The manager changed: {@code from}, {@code to} (user ids as text, {@code null} for none). */
    public static final String MANAGER_CHANGED = PREFIX + "MANAGER_CHANGED";

    private AccountEvents() {
    }
}

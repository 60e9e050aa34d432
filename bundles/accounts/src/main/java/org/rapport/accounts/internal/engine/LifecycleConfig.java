package org.rapport.accounts.internal.engine;

/**
 * Day counts and limits of the lifecycle rules (see {@link LifecycleRules} for how they are used).
 *
 * @param newDays a client is new while its first transaction is less than this many days old
 * @param repeatMinTx transactions (last 24 months) that make a client a repeat client
 * @param loyalMinTenureDays days since the first transaction before a client can be loyal
 * @param loyalMinTx12m transactions in the last 12 months a loyal client needs
 * @param atRiskInactiveDays days without a transaction that make a client at risk
 * @param atRiskChurnScore churn risk score that makes a client at risk
 * @param churnedInactiveDays days without a transaction that make a client churned
 * @param wonBackDays days a won-back client stays won back before returning to repeat / loyal
 */
public record LifecycleConfig(
        int newDays,
        int repeatMinTx,
        int loyalMinTenureDays,
        int loyalMinTx12m,
        int atRiskInactiveDays,
        int atRiskChurnScore,
        int churnedInactiveDays,
        int wonBackDays) {

    public LifecycleConfig {
        if (newDays < 0 || repeatMinTx < 1 || loyalMinTenureDays < 0 || loyalMinTx12m < 0 || wonBackDays < 0) {
            throw new IllegalArgumentException("lifecycle limits must not be negative (repeatMinTx at least 1)");
        }
        if (atRiskInactiveDays < 1 || churnedInactiveDays <= atRiskInactiveDays) {
            throw new IllegalArgumentException("churnedInactiveDays must exceed atRiskInactiveDays (at least 1)");
        }
        if (atRiskChurnScore < 0 || atRiskChurnScore > 101) {
            throw new IllegalArgumentException("atRiskChurnScore must be within 0-101 (101 disables it)");
        }
    }

    /** new 180 days, repeat 2 transactions, loyal after 730 days with 6 transactions a year, at risk after 90 days or churn risk 60, churned after 270 days, won back for 180 days. */
    public static LifecycleConfig defaults() {
        return new LifecycleConfig(180, 2, 730, 6, 90, 60, 270, 180);
    }
}

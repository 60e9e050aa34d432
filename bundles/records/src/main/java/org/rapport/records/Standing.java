package org.rapport.records;

/**
 * A client's account standing: what account management decided. Any part may be {@code null}
 * when not decided yet.
 *
 * @param tier the value tier id (e.g. {@code core}, {@code key}, {@code standard}, {@code prospect})
 * @param stage the lifecycle stage id (e.g. {@code prospect}, {@code new}, {@code at_risk})
 * @param managerId the staff user id of the account manager
 * @param valueScore the value score, 0 to 100
 * @param churnRisk the churn risk, 0 to 100
 * @since 0.1
 */
public record Standing(String tier, String stage, Long managerId, Integer valueScore, Integer churnRisk) {

    /** Nothing decided yet. */
    public static final Standing NONE = new Standing(null, null, null, null, null);
}

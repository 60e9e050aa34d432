package org.rapport.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The account view of one client: the latest scores with their reasons, tier (and override),
 * stage, manager, and the follow-up cadence.
 *
 * @param clientId the client
 * @param valueScore the value score, 0 to 100
 * @param valueReasons the parts of the value score
 * @param tier the tier in force
 * @param tierReason why
 * @param override the manual tier override, or {@code null}
 * @param stage the lifecycle stage
 * @param stageReason why
 * @param churnRisk the churn risk, 0 to 100
 * @param churnReasons the reasons, largest first
 * @param managerId the account manager, or {@code null}
 * @param lastContact the last interaction or transaction date, or {@code null}
 * @param nextFollowUp when the next contact is due by the tier's cadence
 * @param overdueDays days past {@code nextFollowUp} (0 when not overdue)
 * @param computedAt when the scores were computed, or {@code null} if never
 * @since 0.1
 */
public record ClientAccount(long clientId, int valueScore, List<ScoreReason> valueReasons, String tier, String tierReason,
        TierOverride override, String stage, String stageReason, int churnRisk, List<ScoreReason> churnReasons, Long managerId,
        LocalDate lastContact, LocalDate nextFollowUp, int overdueDays, Instant computedAt) {

    public ClientAccount {
        valueReasons = List.copyOf(valueReasons);
        churnReasons = List.copyOf(churnReasons);
    }
}

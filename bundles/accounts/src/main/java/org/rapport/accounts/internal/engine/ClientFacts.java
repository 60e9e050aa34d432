package org.rapport.accounts.internal.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine knows about one client company at evaluation time.
 *
 * <p>Nullable: {@code industry}, {@code region}, {@code annualRevenue} (CNY),
 * {@code employees}, {@code firstTransactionOn}, {@code lastTransactionOn},
 * {@code lastInteractionOn}, {@code surveyScore} (0-10 average, null until surveys exist),
 * {@code currentTier}, {@code currentStage}, {@code managerId}. A null {@code txVolume12m} or
 * {@code txVolumePrev12m} is read as zero, a null {@code products} as empty. Counts must not
 * be negative. {@code txCountPrev90d} counts the 90 days before the last 90 days;
 * {@code complaints365d} includes those of the last 90 days.
 *
 * @param clientId the client company's id
 * @param industry industry code or name, nullable
 * @param region region, nullable
 * @param annualRevenue annual revenue in CNY, nullable
 * @param employees number of employees, nullable
 * @param createdOn when the client record was created
 * @param firstTransactionOn the first transaction ever, nullable
 * @param lastTransactionOn the latest transaction, nullable
 * @param lastInteractionOn the latest email, chat, SMS, call or visit, nullable
 * @param txCount12m transactions in the last 12 months
 * @param txVolume12m transaction volume (CNY) in the last 12 months
 * @param txCountPrev12m transactions in the 12 months before that
 * @param txVolumePrev12m transaction volume (CNY) in the 12 months before that
 * @param txCount90d transactions in the last 90 days
 * @param txCountPrev90d transactions in the 90 days before that
 * @param complaints90d complaints in the last 90 days
 * @param complaints365d complaints in the last 365 days (including the last 90)
 * @param surveyScore average survey score 0-10, nullable
 * @param products product codes the client uses
 * @param currentTier the tier stored now, nullable
 * @param currentStage the lifecycle stage id stored now, nullable
 * @param managerId the assigned account manager, nullable
 */
public record ClientFacts(
        long clientId,
        String industry,
        String region,
        BigDecimal annualRevenue,
        Integer employees,
        LocalDate createdOn,
        LocalDate firstTransactionOn,
        LocalDate lastTransactionOn,
        LocalDate lastInteractionOn,
        int txCount12m,
        BigDecimal txVolume12m,
        int txCountPrev12m,
        BigDecimal txVolumePrev12m,
        int txCount90d,
        int txCountPrev90d,
        int complaints90d,
        int complaints365d,
        Double surveyScore,
        Set<String> products,
        String currentTier,
        String currentStage,
        Long managerId) {

    public ClientFacts {
        Objects.requireNonNull(createdOn, "createdOn");
        txVolume12m = txVolume12m == null ? BigDecimal.ZERO : txVolume12m;
        txVolumePrev12m = txVolumePrev12m == null ? BigDecimal.ZERO : txVolumePrev12m;
        products = products == null ? Set.of() : Set.copyOf(products);
        requireNotNegative(txCount12m, "txCount12m");
        requireNotNegative(txCountPrev12m, "txCountPrev12m");
        requireNotNegative(txCount90d, "txCount90d");
        requireNotNegative(txCountPrev90d, "txCountPrev90d");
        requireNotNegative(complaints90d, "complaints90d");
        requireNotNegative(complaints365d, "complaints365d");
        if (surveyScore != null && (surveyScore.isNaN() || surveyScore < 0 || surveyScore > 10)) {
            throw new IllegalArgumentException("surveyScore must be within 0-10: " + surveyScore);
        }
    }

    /** Whether the client has ever transacted. */
    public boolean hasTransactions() {
        return firstTransactionOn != null || lastTransactionOn != null || txCount12m > 0 || txCountPrev12m > 0;
    }

    /** The latest transaction or interaction, or null when there was neither. */
    public LocalDate lastActivityOn() {
        return Days.latest(lastTransactionOn, lastInteractionOn);
    }

    /** Start of the relationship: the earlier of {@code createdOn} and the first transaction. */
    public LocalDate relationshipStart() {
        return Days.earliest(createdOn, firstTransactionOn);
    }

    private static void requireNotNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}

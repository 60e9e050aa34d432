package org.rapport.records;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A summary of a client's activity up to a given day, for scoring: transaction counts and
 * volumes in rolling windows, last dates, complaints.
 *
 * @param clientId the client
 * @param firstTransactionOn the first transaction's date, or {@code null}
 * @param lastTransactionOn the last transaction's date, or {@code null}
 * @param lastInteractionOn the last interaction's date (any direction), or {@code null}
 * @param lastInboundOn the last inbound interaction's date (the client reaching out), or {@code null}
 * @param txCount12m transactions in the last 365 days
 * @param txCountPrev12m transactions in the 365 days before those
 * @param txCount90d transactions in the last 90 days
 * @param txCountPrev90d transactions in the 90 days before those
 * @param volume12m transaction volume of the last 365 days, per currency
 * @param volumePrev12m transaction volume of the 365 days before, per currency
 * @param complaints90d complaint interactions in the last 90 days
 * @param complaints365d complaint interactions in the last 365 days
 * @param products products used in the last 365 days
 * @since 0.1
 */
public record ClientActivity(long clientId, LocalDate firstTransactionOn, LocalDate lastTransactionOn, LocalDate lastInteractionOn,
        LocalDate lastInboundOn, int txCount12m, int txCountPrev12m, int txCount90d, int txCountPrev90d, Map<String, BigDecimal> volume12m,
        Map<String, BigDecimal> volumePrev12m, int complaints90d, int complaints365d, Set<String> products) {

    public ClientActivity {
        volume12m = Map.copyOf(volume12m);
        volumePrev12m = Map.copyOf(volumePrev12m);
        products = Set.copyOf(products);
    }
}

package org.rapport.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A business transaction of a client (a payment, a loan drawdown, an order).
 *
 * @param id the id
 * @param clientId the company
 * @param date the business date
 * @param amount the amount
 * @param currency ISO 4217 code
 * @param product product id, or {@code null}
 * @param reference an external reference, or {@code null}
 * @param createdAt when recorded
 * @since 0.1
 */
public record ClientTransaction(long id, long clientId, LocalDate date, BigDecimal amount, String currency,
        String product, String reference, Instant createdAt) {}

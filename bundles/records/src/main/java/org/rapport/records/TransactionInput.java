package org.rapport.records;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A new transaction (see {@link ClientTransaction}).
 *
 * @param date the business date (required, not in the future)
 * @param amount the amount (required)
 * @param currency ISO 4217 code ({@code null}: {@code CNY})
 * @param product product id, or {@code null}
 * @param reference external reference, or {@code null}
 * @since 0.1
 */
public record TransactionInput(LocalDate date, BigDecimal amount, String currency, String product, String reference) {}

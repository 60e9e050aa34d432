package org.rapport.demo.internal.world;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One banking transaction of a client company.
 *
 * @param companyIndex the company's position in {@link World#companies()}
 * @param date the booking date, within the year up to the world's today
 * @param amount the amount in {@code currency}, scale 2
 * @param currency CNY, USD, HKD, EUR or SGD
 * @param product a product id, e.g. {@code trade-finance}
 * @param reference a world-unique reference such as {@code TX-20250314-00012-0003}
 */
public record DemoTransaction(int companyIndex, LocalDate date, BigDecimal amount, String currency, String product,
        String reference) {
}

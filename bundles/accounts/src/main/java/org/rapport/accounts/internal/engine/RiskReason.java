package org.rapport.accounts.internal.engine;

/**
 * One reason contributing to a churn risk score.
 *
 * @param code stable id: {@code recency}, {@code frequency_90d}, {@code frequency_12m},
 *     {@code complaints_90d}, {@code complaints_365d}, {@code survey}
 * @param points points it adds to the score (before any rescaling of non-default weights)
 * @param zh text in Chinese with the concrete figures, e.g. "134 天无往来"
 * @param en text in English with the concrete figures, e.g. "No activity for 134 days"
 */
public record RiskReason(String code, int points, String zh, String en) {
}

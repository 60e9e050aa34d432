package org.rapport.accounts;

/**
 * One part of a score, explained.
 *
 * @param code a stable code, e.g. {@code recency}
 * @param points the points it contributes
 * @param zh the explanation in Chinese
 * @param en the explanation in English
 * @since 0.1
 */
public record ScoreReason(String code, int points, String zh, String en) {}

package org.rapport.accounts.internal.engine;

/**
 * One part of a value score: its code, the points earned out of its maximum, and why.
 *
 * @param code stable id: {@code size}, {@code volume}, {@code frequency}, {@code tenure}, {@code growth}
 * @param points points earned, 0..max
 * @param max the component's weight
 * @param zh explanation in Chinese, with the concrete figures
 * @param en explanation in English, with the concrete figures
 */
public record ScoreComponent(String code, int points, int max, String zh, String en) {
}

package org.rapport.accounts;

import java.time.Instant;

/**
 * One recorded account move: a tier, stage or manager change.
 *
 * @param clientId the client
 * @param kind {@code tier}, {@code stage} or {@code manager}
 * @param from the value before, or {@code null}
 * @param to the value after, or {@code null}
 * @param reason why
 * @param actorId who ({@code 0}: the system)
 * @param at when
 * @since 0.1
 */
public record AccountChange(long clientId, String kind, String from, String to, String reason, long actorId, Instant at) {}

package org.rapport.demo.internal.world;

import java.time.Instant;

/**
 * One contact moment between the bank and a client company.
 *
 * @param companyIndex the company's position in {@link World#companies()}
 * @param contactIndex the contact's position in {@link World#contacts()}
 * @param channel {@code email}, {@code webchat}, {@code sms}, {@code phone} or {@code visit}
 * @param direction {@code inbound} (from the client) or {@code outbound} (from the bank)
 * @param kind {@code contact} or {@code complaint}
 * @param summary a one-line summary in the contact's language
 * @param language the summary's language, {@code zh} or {@code en}
 * @param staffUsername the manager who reached out for outbound interactions, {@code null} for inbound ones
 * @param occurredAt a moment in business hours of the contact's time zone, before the world's today
 */
public record DemoInteraction(int companyIndex, int contactIndex, String channel, String direction, String kind,
        String summary, String language, String staffUsername, Instant occurredAt) {
}

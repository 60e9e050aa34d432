package org.rapport.records;

/**
 * An existing client that looks like the same company as a new or imported one.
 *
 * @param clientId the existing client
 * @param clientName its name
 * @param reason {@code registrationNo}, {@code name}, {@code email} or {@code phone}
 * @param value the matching value
 * @since 0.1
 */
public record Duplicate(long clientId, String clientName, String reason, String value) {}

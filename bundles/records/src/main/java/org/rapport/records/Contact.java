package org.rapport.records;

import java.time.Instant;
import java.util.List;

/**
 * A person at a client company.
 *
 * @param id the id
 * @param clientId the company
 * @param name the name
 * @param title job title, or {@code null}
 * @param emails email addresses, the first is the main one
 * @param phones phone numbers (normalised, e.g. {@code +8613812345678}), the first is the main one
 * @param preferredChannel {@code email}, {@code sms}, {@code webchat} or {@code phone}, or {@code null}
 * @param language {@code zh} or {@code en}
 * @param timeZone IANA time zone id, e.g. {@code Asia/Shanghai}
 * @param createdAt when created
 * @param updatedAt when last changed
 * @since 0.1
 */
public record Contact(long id, long clientId, String name, String title, List<String> emails, List<String> phones,
        String preferredChannel, String language, String timeZone, Instant createdAt, Instant updatedAt) {

    public Contact {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
    }
}

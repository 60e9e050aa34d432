package org.rapport.records.internal.csv;

import java.math.BigDecimal;
import java.util.List;

/**
 * One validated client row of an import file, with its optional primary contact; absent values
 * are null (lists are empty).
 *
 * @param name company name, never blank, at most 200 characters
 * @param registrationNo a unified social credit code (check character verified) or another
 *     registration number, upper-cased
 * @param annualRevenue in yuan (or the file's currency), units such as 万 already applied
 * @param tags distinct, in file order
 * @param emails distinct, domain lower-cased
 * @param phones normalised: digits with optional leading "+", Chinese mobiles as "+86…",
 *     extension as ";ext=…"
 * @param preferredChannel "email", "sms", "webchat" or "phone"
 * @param language "zh" or "en"
 * @param timeZone a {@link java.time.ZoneId} id
 */
public record ImportRow(
        String name,
        String registrationNo,
        String industry,
        String region,
        BigDecimal annualRevenue,
        Integer employees,
        List<String> tags,
        String status,
        String contactName,
        String contactTitle,
        List<String> emails,
        List<String> phones,
        String preferredChannel,
        String language,
        String timeZone) {

    public ImportRow {
        tags = List.copyOf(tags);
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
    }

    /** True when the row carries any contact data (name, title, e-mail or phone). */
    public boolean hasContact() {
        return contactName != null || contactTitle != null || !emails.isEmpty() || !phones.isEmpty();
    }
}

package org.rapport.compliance;

import java.util.Locale;

/**
 * Why a message is sent; consent is given per purpose.
 *
 * @since 0.1
 */
public enum Purpose {
    /** Answers and notices about the client's own requests and accounts. */
    SERVICE,
    /** Care: greetings, follow-ups, surveys, education. */
    CARE,
    /** Offers and promotions. */
    MARKETING,
    /**
     * Internal messages to a staff member's own registered address (e.g. a campaign's test send to
     * the admin themself): never to a contact, no consent involved. The gate allows them only to the
     * email address of an enabled staff account.
     *
     * @since 0.3
     */
    INTERNAL;

    /**
     * Whether clients give or withhold consent for this purpose (all but {@link #INTERNAL}).
     *
     * @since 0.3
     */
    public boolean forClients() {
        return this != INTERNAL;
    }

    /** The lower-case id used in JSON and configuration ({@code service}, {@code care}, {@code marketing}, {@code internal}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The purpose with this id (any case, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException when there is none
     */
    public static Purpose of(String id) {
        if (id != null) {
            for (Purpose purpose : values()) {
                if (purpose.name().equalsIgnoreCase(id.strip())) {
                    return purpose;
                }
            }
        }
        throw new IllegalArgumentException("Unknown purpose '" + id + "' (service, care, marketing or internal)");
    }
}

package org.rapport.security;

import java.util.Locale;
import java.util.Optional;

/**
 * How sensitive a field of the client records is, lowest first. A role's clearance is the highest
 * level it may read whole; values above it are masked (see {@link FieldPolicy}).
 *
 * @since 0.1
 */
public enum Sensitivity {
    /** Anyone signed in (and published material). */
    PUBLIC,
    /** Staff in general. */
    INTERNAL,
    /** Staff who work the client: contact details, financial figures. */
    CONFIDENTIAL,
    /** Identity documents, account numbers: the fewest people. */
    RESTRICTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Sensitivity> of(String id) {
        for (Sensitivity s : values()) {
            if (s.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

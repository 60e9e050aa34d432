package org.rapport.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The staff roles. Their ids (lower case) are what access declarations, configuration and the
 * REST API use.
 *
 * @since 0.1
 */
public enum Role {
    /** Configures the server, its bundles, users and rules. */
    ADMIN,
    /** An account manager: works their clients. */
    MANAGER,
    /** A service agent: works conversations and cases. */
    AGENT,
    /** Reads audit and compliance reports; changes nothing. */
    AUDITOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String id) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

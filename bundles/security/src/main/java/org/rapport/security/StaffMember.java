package org.rapport.security;

import java.time.Instant;
import java.util.Set;

/**
 * A staff account as other bundles see it (never its password).
 *
 * @param id the account id
 * @param username the login name
 * @param displayName a name to show
 * @param roles the account's roles
 * @param enabled false when the account may not sign in
 * @param createdAt when the account was created
 * @param lastLoginAt the last successful sign-in, or {@code null}
 * @param email the member's own email address, or {@code null} when none is set (since 0.2)
 * @since 0.1
 */
public record StaffMember(long id, String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt,
        Instant lastLoginAt, String email) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    /** A member without an email address (the 0.1 shape). */
    public StaffMember(long id, String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt,
            Instant lastLoginAt) {
        this(id, username, displayName, roles, enabled, createdAt, lastLoginAt, null);
    }

    /**
     * Whether internal messages may go to {@code address} as this member's own: the account is
     * enabled and the address is its email (any case, surrounding blanks ignored).
     *
     * @since 0.2
     */
    public boolean ownsEmail(String address) {
        return enabled && email != null && address != null && email.equalsIgnoreCase(address.strip());
    }
}

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
 * @since 0.1
 */
public record StaffMember(long id, String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt,
        Instant lastLoginAt) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }
}

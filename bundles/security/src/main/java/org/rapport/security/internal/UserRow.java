package org.rapport.security.internal;

import java.time.Instant;
import java.util.Set;
import org.rapport.security.Role;
import org.rapport.security.StaffMember;

/** A row of {@code security_user}: the account with its password hash and failed-sign-in state. */
record UserRow(long id, String username, String displayName, String passwordHash, Set<Role> roles, boolean enabled,
        Instant createdAt, Instant updatedAt, Instant lastLoginAt, int failedAttempts, Instant lastFailedAt,
        Instant lockedUntil) {

    UserRow {
        roles = Set.copyOf(roles);
    }

    StaffMember member() {
        return new StaffMember(id, username, displayName, roles, enabled, createdAt, lastLoginAt);
    }

    boolean isEnabledAdmin() {
        return enabled && roles.contains(Role.ADMIN);
    }
}

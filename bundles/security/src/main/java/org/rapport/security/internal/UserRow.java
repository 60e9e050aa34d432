package org.rapport.security.internal;

import java.time.Instant;
import java.util.Set;
import org.rapport.security.Role;
import org.rapport.security.StaffMember;

/** A row of {@code security_user}: the account with its password hash, failed-sign-in state and email ({@code null}: none). */
record UserRow(long id, String username, String displayName, String passwordHash, Set<Role> roles, boolean enabled,
        Instant createdAt, Instant updatedAt, Instant lastLoginAt, int failedAttempts, Instant lastFailedAt,
        Instant lockedUntil, String email) {

    UserRow {
        roles = Set.copyOf(roles);
    }

    StaffMember member() {
        return new StaffMember(id, username, displayName, roles, enabled, createdAt, lastLoginAt, email);
    }

    boolean isEnabledAdmin() {
        return enabled && roles.contains(Role.ADMIN);
    }
}

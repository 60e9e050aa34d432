package org.rapport.security.internal;

import java.time.Instant;
import java.util.Set;
import org.rapport.security.Role;

/** A row of {@code security_token} (without its hash), with the owner's username. */
record TokenRow(String id, String name, long userId, String username, Set<Role> roles, Set<String> scopes,
        Instant createdAt, Instant lastUsedAt, Instant expiresAt) {

    TokenRow {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}

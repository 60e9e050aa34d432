package org.rapport.security;

import java.util.Set;

/**
 * Who is calling: a staff member signed in with a session, an API token acting for the staff
 * member who created it, or the system itself (scheduled jobs, the chatbot).
 *
 * @param userId the staff account id ({@code 0} for the system)
 * @param username the login name, or {@code "system"}
 * @param displayName a name to show
 * @param roles the roles in force for this call (a token's may be fewer than its owner's)
 * @param kind how the caller authenticated
 * @param tokenId the API token's id when {@code kind} is {@link Kind#TOKEN}, else {@code null}
 * @param scopes a token's scopes ({@code "*"} for all); empty for sessions and the system
 * @since 0.1
 */
public record Principal(long userId, String username, String displayName, Set<Role> roles, Kind kind, String tokenId,
        Set<String> scopes) {

    /** How a caller authenticated. */
    public enum Kind {
        SESSION, TOKEN, SYSTEM
    }

    /** The server acting on its own behalf. */
    public static final Principal SYSTEM = new Principal(0, "system", "Rapport", Set.of(Role.values()), Kind.SYSTEM, null, Set.of("*"));

    public Principal {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}

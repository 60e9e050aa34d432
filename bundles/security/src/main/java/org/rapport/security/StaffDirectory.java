package org.rapport.security;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Service to look up staff accounts, e.g. to show who owns a client or to pick an account
 * manager. Read-only: accounts are managed through the security bundle's REST API.
 *
 * @since 0.1
 */
@ProviderType
public interface StaffDirectory {

    /** All accounts, by username. */
    List<StaffMember> list();

    /** The account with this id. */
    Optional<StaffMember> byId(long id);

    /** The account with this username (case-insensitive). */
    Optional<StaffMember> byUsername(String username);

    /**
     * The accounts whose email address is {@code email} (any case, surrounding blanks ignored),
     * enabled or not; empty for a blank address.
     *
     * @since 0.2
     */
    default List<StaffMember> byEmail(String email) {
        if (email == null || email.isBlank()) {
            return List.of();
        }
        String wanted = email.strip();
        return list().stream().filter(m -> m.email() != null && m.email().equalsIgnoreCase(wanted)).toList();
    }

    /**
     * Creates a staff account (for provisioning, e.g. the demo world's account managers).
     *
     * @param username the sign-in name
     * @param displayName the name shown
     * @param password the password (the configured minimum length applies)
     * @param roles the roles
     * @return the new member
     * @throws IllegalArgumentException when a field is invalid or the username is taken
     * @since 0.1
     */
    StaffMember create(String username, String displayName, String password, java.util.Set<Role> roles);
}

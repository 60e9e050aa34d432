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
}

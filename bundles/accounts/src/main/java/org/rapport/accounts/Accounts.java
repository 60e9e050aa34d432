package org.rapport.accounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.rapport.security.Principal;

/**
 * Account management. Scores are recomputed on a schedule, after each change of a client's
 * transactions and interactions, and on demand; every tier, stage and manager move is recorded.
 *
 * @since 0.1
 */
@ProviderType
public interface Accounts {

    /** Every staff user holding the manager role, with profile and load. */
    List<AccountManager> managers();

    Optional<AccountManager> manager(long userId);

    /** Sets a manager's profile; deactivating (or lowering the capacity) rebalances at once. */
    AccountManager saveManager(long userId, ManagerProfile profile, Principal actor);

    /** Assigns the client to the best-fitting manager with room, if it has none. */
    Optional<Long> assign(long clientId, Principal actor);

    /** Moves the client to {@code managerId} by hand; {@code reason} is required. */
    void reassign(long clientId, long managerId, String reason, Principal actor);

    /** Assigns every unassigned client and moves clients off inactive or over-capacity managers. */
    List<AccountChange> rebalance(Principal actor);

    /** Recomputes one client's scores, tier and stage now. */
    ClientAccount recompute(long clientId);

    /** Recomputes every client (the scheduled run does the same); returns how many. */
    int recomputeAll();

    /** The client's account view (computing it first if it never was). */
    ClientAccount account(long clientId);

    /** Sets a manual tier until {@code expiresOn} (inclusive; {@code null}: no expiry). */
    ClientAccount overrideTier(long clientId, String tier, String reason, LocalDate expiresOn, Principal actor);

    /** Removes the manual tier. */
    ClientAccount clearOverride(long clientId, Principal actor);

    /** Tier, stage and manager moves of the client, newest first. */
    List<AccountChange> changes(long clientId, int limit);

    /** Unread alerts for this manager (and the ones for everyone), newest first. */
    List<Alert> alerts(long managerId, boolean includeRead, int limit);

    void markRead(long alertId, long managerId);
}

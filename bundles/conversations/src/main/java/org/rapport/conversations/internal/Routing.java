package org.rapport.conversations.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.rapport.security.Role;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;

/**
 * Who a conversation that needs a person goes to: the client's account manager when they have one
 * and the account is enabled, else the enabled service agent with the fewest open conversations
 * (ties: the lowest id, so routing is deterministic).
 */
final class Routing {

    private Routing() {
    }

    static Optional<Long> assignee(Handle h, StaffDirectory staff, Long managerId) {
        if (managerId != null && staff.byId(managerId).filter(StaffMember::enabled).isPresent()) {
            return Optional.of(managerId);
        }
        Map<Long, Long> load = ConversationRepository.openLoad(h);
        return staff.list().stream()
                .filter(m -> m.enabled() && m.roles().contains(Role.AGENT))
                .min(Comparator.<StaffMember>comparingLong(m -> load.getOrDefault(m.id(), 0L)).thenComparingLong(StaffMember::id))
                .map(StaffMember::id);
    }
}

package org.rapport.security.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.rapport.security.Role;

/** Role sets as stored (comma-separated ids) and as shown (a list of ids in enum order). */
final class Roles {
    private Roles() {
    }

    static String format(Set<Role> roles) {
        return ids(roles).stream().collect(Collectors.joining(","));
    }

    static Set<Role> parse(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (stored != null) {
            for (String id : stored.split(",")) {
                Role.of(id).ifPresent(roles::add);
            }
        }
        return roles;
    }

    /** The ids of {@code roles} in declaration order. */
    static List<String> ids(Collection<Role> roles) {
        List<String> ids = new ArrayList<>();
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                ids.add(role.id());
            }
        }
        return ids;
    }
}

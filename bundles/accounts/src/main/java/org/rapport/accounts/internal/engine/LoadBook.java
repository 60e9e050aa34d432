package org.rapport.accounts.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The managers of one batch with their loads as clients are added and removed during it. */
final class LoadBook {

    private final Map<Long, ManagerProfile> managers = new HashMap<>();
    private final Map<Long, Integer> loads = new HashMap<>();
    private final List<ManagerProfile> byId;

    LoadBook(List<ManagerProfile> profiles) {
        for (ManagerProfile m : profiles) {
            if (managers.put(m.id(), m) != null) {
                throw new IllegalArgumentException("duplicate manager id: " + m.id());
            }
            loads.put(m.id(), m.load());
        }
        byId = new ArrayList<>(managers.values());
        byId.sort(Comparator.comparingLong(ManagerProfile::id));
    }

    /** The managers ordered by id. */
    List<ManagerProfile> managers() {
        return byId;
    }

    /** The manager with this id, or null. */
    ManagerProfile get(Long id) {
        return id == null ? null : managers.get(id);
    }

    int load(long id) {
        return loads.get(id);
    }

    int free(ManagerProfile m) {
        return m.capacity() - load(m.id());
    }

    void add(long id) {
        loads.merge(id, 1, Integer::sum);
    }

    /** Takes one client off the manager, if known. */
    void remove(Long id) {
        if (id != null && loads.containsKey(id)) {
            loads.merge(id, -1, Integer::sum);
        }
    }
}

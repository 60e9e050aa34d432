package org.rapport.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.accounts.AccountChange;
import org.rapport.accounts.AccountEvents;
import org.rapport.accounts.AccountManager;
import org.rapport.accounts.ManagerProfile;
import org.rapport.accounts.internal.engine.Assigner;
import org.rapport.accounts.internal.engine.Assignment;
import org.rapport.accounts.internal.engine.AssignmentRequest;
import org.rapport.accounts.internal.engine.CurrentAssignment;
import org.rapport.accounts.internal.engine.Move;
import org.rapport.records.Client;
import org.rapport.records.ClientQuery;
import org.rapport.records.InvalidRecordException;
import org.rapport.records.NoSuchRecordException;
import org.rapport.records.Page;
import org.rapport.records.Records;
import org.rapport.records.RecordsEvents;
import org.rapport.records.Standing;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.security.StaffDirectory;
import org.rapport.security.StaffMember;
import org.rapport.store.Store;

/**
 * Who manages which client: managers with their profiles and loads, automatic assignment,
 * manual reassignment and rebalancing. One lock serialises every change so capacities hold.
 */
final class Assignments {
    private static final int PAGE = 500;

    private final Store store;
    private final Records records;
    private final StaffDirectory staff;
    private final AccountSettings settings;
    private final Clock clock;
    private final Assigner assigner;

    Assignments(Store store, Records records, StaffDirectory staff, AccountSettings settings, Clock clock) {
        this.store = store;
        this.records = records;
        this.staff = staff;
        this.settings = settings;
        this.clock = clock;
        this.assigner = new Assigner(settings.assignment());
    }

    List<AccountManager> managers() {
        List<StaffMember> managers = staff.list().stream().filter(m -> m.roles().contains(Role.MANAGER)).toList();
        if (managers.isEmpty()) {
            return List.of(); // counting every client's manager costs a scan of all clients: not without a manager
        }
        Map<String, Long> loads = records.countBy("managerId");
        List<AccountManager> out = new ArrayList<>();
        for (StaffMember member : managers) {
            ManagerProfile p = profile(member.id());
            int load = loads.getOrDefault(Long.toString(member.id()), 0L).intValue();
            out.add(new AccountManager(member.id(), member.username(), member.displayName(), p.active() && member.enabled(), p.capacity(),
                    p.seniority(), p.industries(), p.products(), load));
        }
        return out;
    }

    private ManagerProfile profile(long userId) {
        return store.jdbi().withHandle(h -> AccountRepository.profile(h, userId))
                .orElse(new ManagerProfile(true, settings.defaultCapacity(), 2, Set.of(), Set.of()));
    }

    private List<org.rapport.accounts.internal.engine.ManagerProfile> engineProfiles() {
        return managers().stream().map(m -> new org.rapport.accounts.internal.engine.ManagerProfile(m.userId(), m.active(), m.capacity(),
                m.load(), m.seniority(), m.industries(), m.products())).toList();
    }

    synchronized Optional<Long> assign(long clientId, Principal actor) {
        Client client = records.client(clientId).orElseThrow(() -> new NoSuchRecordException("client", clientId));
        if (client.standing().managerId() != null) {
            return Optional.of(client.standing().managerId());
        }
        List<Assignment> result = assigner.assign(engineProfiles(), List.of(request(client)));
        Assignment a = result.get(0);
        if (a.managerId() == null) {
            return Optional.empty();
        }
        Optional<Long> meanwhile = records.client(clientId).map(c -> c.standing().managerId());
        if (meanwhile.isPresent()) {
            return meanwhile; // someone assigned it by hand while this was deciding
        }
        setManager(client, a.managerId(), a.reasonEn() + " / " + a.reasonZh(), actor);
        return Optional.of(a.managerId());
    }

    /**
     * Assigns many new clients at once (e.g. after an import): the managers' loads are read once
     * for the batch, not once per client.
     */
    synchronized void assignBatch(List<Long> clientIds, Principal actor) {
        List<org.rapport.accounts.internal.engine.ManagerProfile> profiles = engineProfiles();
        if (profiles.stream().noneMatch(org.rapport.accounts.internal.engine.ManagerProfile::active)) {
            return; // nobody to assign to: the clients wait (assignWaiting takes them when a manager comes)
        }
        List<AssignmentRequest> requests = new ArrayList<>();
        Map<Long, Client> byId = new HashMap<>();
        for (Long id : clientIds) {
            records.client(id).filter(c -> c.standing().managerId() == null).ifPresent(c -> {
                byId.put(c.id(), c);
                requests.add(request(c));
            });
        }
        if (requests.isEmpty()) {
            return;
        }
        for (Assignment a : assigner.assign(profiles, requests)) {
            if (a.managerId() != null && records.client(a.clientId()).map(c -> c.standing().managerId() == null).orElse(false)) {
                setManager(byId.get(a.clientId()), a.managerId(), a.reasonEn() + " / " + a.reasonZh(), actor);
            }
        }
    }

    synchronized void reassign(long clientId, long managerId, String reason, Principal actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRecordException("reason", "is required for a manual reassignment");
        }
        if (reason.length() > 500) {
            throw new InvalidRecordException("reason", "must be at most 500 characters");
        }
        Client client = records.client(clientId).orElseThrow(() -> new NoSuchRecordException("client", clientId));
        AccountManager target = managers().stream().filter(m -> m.userId() == managerId).findFirst()
                .orElseThrow(() -> new InvalidRecordException("managerId", "is not an account manager"));
        if (!target.active()) {
            throw new InvalidRecordException("managerId", "is not active");
        }
        if (Long.valueOf(managerId).equals(client.standing().managerId())) {
            return;
        }
        if (target.load() >= target.capacity()) {
            throw new InvalidRecordException("managerId", "is at capacity (" + target.load() + " of " + target.capacity()
                    + " clients); raise the capacity or move another client first");
        }
        setManager(client, managerId, reason.strip(), actor);
    }

    synchronized List<AccountChange> rebalance(Principal actor) {
        List<AccountChange> made = new ArrayList<>();
        Map<Long, Client> byId = new HashMap<>();
        List<CurrentAssignment> current = new ArrayList<>();
        for (String key : records.countBy("managerId").keySet()) {
            if (key.isEmpty()) {
                continue;
            }
            long manager = Long.parseLong(key);
            forEachClient(manager, client -> {
                byId.put(client.id(), client);
                current.add(new CurrentAssignment(client.id(), manager, tierOf(client), client.industry(), Set.of(),
                        client.createdAt().atZone(ZoneOffset.UTC).toLocalDate()));
            });
        }
        for (Move move : assigner.rebalance(engineProfiles(), current)) {
            Client client = byId.get(move.clientId());
            String reason = move.reasonEn() + " / " + move.reasonZh();
            if (move.toManagerId() != null) {
                made.add(setManager(client, move.toManagerId(), reason, actor));
            } else if (move.cause() != Move.Cause.OVER_CAPACITY) {
                made.add(setManager(client, null, reason, actor));
            }
        }
        made.addAll(assignWaiting(actor));
        return made;
    }

    /** Assigns every client without a manager that someone has room for. */
    synchronized List<AccountChange> assignWaiting(Principal actor) {
        List<AccountChange> made = new ArrayList<>();
        List<AssignmentRequest> unassigned = new ArrayList<>();
        Map<Long, Client> waiting = new HashMap<>();
        forEachClient(0L, client -> {
            waiting.put(client.id(), client);
            unassigned.add(request(client));
        });
        if (!unassigned.isEmpty()) {
            for (Assignment a : assigner.assign(engineProfiles(), unassigned)) {
                boolean stillWaiting = records.client(a.clientId()).map(c -> c.standing().managerId() == null).orElse(false);
                if (a.managerId() != null && stillWaiting) {
                    made.add(setManager(waiting.get(a.clientId()), a.managerId(), a.reasonEn() + " / " + a.reasonZh(), actor));
                }
            }
        }
        return made;
    }

    private void forEachClient(long managerId, java.util.function.Consumer<Client> action) {
        List<Client> all = new ArrayList<>();
        for (int page = 1;; page++) {
            Page<Client> p = records.clients(new ClientQuery(null, null, null, managerId, null, null, null, null, null, "id", page, PAGE));
            all.addAll(p.items());
            if (p.items().size() < PAGE) {
                break;
            }
        }
        all.forEach(action);
    }

    private static AssignmentRequest request(Client client) {
        return new AssignmentRequest(client.id(), tierOf(client), client.industry(), Set.of(), client.standing().managerId());
    }

    private static String tierOf(Client client) {
        return client.standing().tier() == null ? "prospect" : client.standing().tier();
    }

    private AccountChange setManager(Client client, Long managerId, String reason, Principal actor) {
        Instant now = clock.instant();
        Long from = client.standing().managerId();
        if (managerId == null) {
            records.clearManager(client.id(), reason, actor);
        } else {
            records.updateStanding(client.id(), new Standing(null, null, managerId, null, null), reason, actor);
        }
        AccountChange change = new AccountChange(client.id(), "manager", from == null ? null : from.toString(),
                managerId == null ? null : managerId.toString(), reason, actor.userId(), now);
        store.inTransaction(tx -> {
            AccountRepository.addChange(tx.handle(), change);
            tx.handle().createUpdate("UPDATE acc_score SET manager_id = :manager WHERE client_id = :id")
                    .bind("manager", managerId).bind("id", client.id()).execute();
            Map<String, Object> props = new HashMap<>();
            props.put(RecordsEvents.CLIENT_ID, client.id());
            if (change.from() != null) {
                props.put("from", change.from());
            }
            if (change.to() != null) {
                props.put("to", change.to());
            }
            tx.emit(AccountEvents.MANAGER_CHANGED, props);
            return null;
        });
        return change;
    }
}

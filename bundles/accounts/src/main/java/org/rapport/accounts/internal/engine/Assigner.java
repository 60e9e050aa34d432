package org.rapport.accounts.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assigns clients to account managers by tier and skill within each manager's capacity, and
 * plans moves when managers are deactivated or over capacity.
 *
 * <p>Candidates are compared by: the tier's seniority preference (see {@link AssignmentPolicy}),
 * industry match, number of shared products, remaining capacity ratio, and lowest manager
 * id. Inactive managers never receive clients and no manager is ever filled beyond capacity:
 * loads are tracked as clients are placed within a batch. Requests are served in tier
 * priority, then client id order, so the result does not depend on input order. A client
 * nobody can take is returned as {@link Assignment.Outcome#UNASSIGNED}, never dropped.
 */
public final class Assigner {

    private final AssignmentPolicy policy;
    private final ManagerChooser chooser;

    public Assigner(AssignmentPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.chooser = new ManagerChooser(policy);
    }

    /**
     * Assigns each request; one {@link Assignment} per request, in serving order (tier priority, then client id).
     *
     * <p>A request whose current manager is active, allowed for its tier and not over capacity
     * keeps that manager (when the policy says so). Otherwise it goes to the best other
     * candidate, and its old manager's load drops by one. When nobody else fits, a client
     * with an active current manager stays with them; one without becomes unassigned.
     */
    public List<Assignment> assign(List<ManagerProfile> managers, List<AssignmentRequest> requests) {
        LoadBook book = new LoadBook(managers);
        requireUniqueClients(requests.stream().map(AssignmentRequest::clientId).toList());
        List<AssignmentRequest> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparingInt((AssignmentRequest r) -> policy.priorityOf(r.tier()))
                .thenComparingLong(AssignmentRequest::clientId));
        List<Assignment> result = new ArrayList<>();
        for (AssignmentRequest request : ordered) {
            result.add(assignOne(book, request));
        }
        return List.copyOf(result);
    }

    private Assignment assignOne(LoadBook book, AssignmentRequest r) {
        ManagerProfile current = book.get(r.currentManagerId());
        if (policy.keepCurrentManager() && current != null && current.active() && chooser.suits(current, r.tier())
                && book.free(current) >= 0) {
            Fit fit = chooser.fit(current, book, r.tier(), r.industry(), r.products());
            return new Assignment(r.clientId(), current.id(), Assignment.Outcome.KEPT, fit,
                    "保留现任" + fit.zh(r.tier(), r.industry()),
                    "Kept with current " + fit.en(r.tier(), r.industry()));
        }
        Fit fit = chooser.best(book, r.tier(), r.industry(), r.products(), r.currentManagerId());
        if (fit != null) {
            book.add(fit.managerId());
            book.remove(r.currentManagerId());
            return new Assignment(r.clientId(), fit.managerId(), Assignment.Outcome.ASSIGNED, fit,
                    "分配给" + fit.zh(r.tier(), r.industry()),
                    "Assigned to " + fit.en(r.tier(), r.industry()));
        }
        if (current != null && current.active()) {
            Fit kept = chooser.fit(current, book, r.tier(), r.industry(), r.products());
            return new Assignment(r.clientId(), current.id(), Assignment.Outcome.KEPT, kept,
                    "没有其他合适且有容量的客户经理，保留现任客户经理 " + current.id(),
                    "No other suitable manager has capacity; kept with current manager " + current.id());
        }
        return new Assignment(r.clientId(), null, Assignment.Outcome.UNASSIGNED, null,
                "没有资历为 " + seniorities(r.tier()) + "、仍有容量的在岗客户经理可接" + Labels.tierZh(r.tier()),
                "No active manager with seniority " + seniorities(r.tier()) + " has capacity for a "
                        + Labels.tierEn(r.tier()) + " client");
    }

    /**
     * Plans moves: every client of an inactive or unknown manager, and, for each active manager
     * over capacity, as many clients as the excess, lowest tier first, then most recently
     * assigned first, then highest client id. Moves are placed with the same rules as
     * {@link #assign} (never onto the manager they leave), most valuable clients first; the
     * result is ordered by tier priority, then client id.
     *
     * @param managers all managers, with loads that include the clients listed
     * @param currentAssignments the current assignments to consider
     */
    public List<Move> rebalance(List<ManagerProfile> managers, List<CurrentAssignment> currentAssignments) {
        LoadBook book = new LoadBook(managers);
        requireUniqueClients(currentAssignments.stream().map(CurrentAssignment::clientId).toList());
        List<Pending> pending = new ArrayList<>();
        for (CurrentAssignment a : currentAssignments) {
            ManagerProfile m = book.get(a.managerId());
            if (m == null) {
                pending.add(new Pending(a, Move.Cause.MANAGER_UNKNOWN));
            } else if (!m.active()) {
                pending.add(new Pending(a, Move.Cause.MANAGER_INACTIVE));
            }
        }
        for (ManagerProfile m : book.managers()) {
            if (m.active() && m.load() > m.capacity()) {
                currentAssignments.stream()
                        .filter(a -> a.managerId() == m.id())
                        .sorted(leavingFirst())
                        .limit(m.load() - m.capacity())
                        .forEach(a -> pending.add(new Pending(a, Move.Cause.OVER_CAPACITY)));
            }
        }
        pending.forEach(p -> book.remove(p.assignment().managerId()));
        pending.sort(Comparator.comparingInt((Pending p) -> policy.priorityOf(p.assignment().tier()))
                .thenComparingLong(p -> p.assignment().clientId()));
        List<Move> moves = new ArrayList<>();
        for (Pending p : pending) {
            moves.add(place(book, p));
        }
        return List.copyOf(moves);
    }

    private Move place(LoadBook book, Pending p) {
        CurrentAssignment a = p.assignment();
        String whyZh = switch (p.cause()) {
            case MANAGER_INACTIVE -> "客户经理 " + a.managerId() + " 已停用";
            case MANAGER_UNKNOWN -> "客户经理 " + a.managerId() + " 不存在";
            case OVER_CAPACITY -> "客户经理 " + a.managerId() + " 超出容量（" + book.get(a.managerId()).load() + "/"
                    + book.get(a.managerId()).capacity() + "）";
        };
        String whyEn = switch (p.cause()) {
            case MANAGER_INACTIVE -> "Manager " + a.managerId() + " deactivated";
            case MANAGER_UNKNOWN -> "Manager " + a.managerId() + " unknown";
            case OVER_CAPACITY -> "Manager " + a.managerId() + " over capacity (" + book.get(a.managerId()).load()
                    + " of " + book.get(a.managerId()).capacity() + ")";
        };
        Fit fit = chooser.best(book, a.tier(), a.industry(), a.products(), a.managerId());
        if (fit != null) {
            book.add(fit.managerId());
            return new Move(a.clientId(), a.managerId(), fit.managerId(), p.cause(), fit,
                    whyZh + "；转给" + fit.zh(a.tier(), a.industry()),
                    whyEn + "; move to " + fit.en(a.tier(), a.industry()));
        }
        if (p.cause() == Move.Cause.OVER_CAPACITY) {
            book.add(a.managerId());
            return new Move(a.clientId(), a.managerId(), null, p.cause(), null,
                    whyZh + "；没有其他合适且有容量的客户经理，暂留原客户经理",
                    whyEn + "; no other suitable manager has capacity, stays for now");
        }
        return new Move(a.clientId(), a.managerId(), null, p.cause(), null,
                whyZh + "；没有资历为 " + seniorities(a.tier()) + "、仍有容量的在岗客户经理，需人工处理",
                whyEn + "; no active manager with seniority " + seniorities(a.tier())
                        + " has capacity, needs a manual decision");
    }

    /** Lowest tier first, then most recently assigned (unknown dates last), then highest client id. */
    private Comparator<CurrentAssignment> leavingFirst() {
        return Comparator.comparingInt((CurrentAssignment a) -> policy.priorityOf(a.tier())).reversed()
                .thenComparing(CurrentAssignment::assignedOn, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
                .thenComparing(Comparator.comparingLong(CurrentAssignment::clientId).reversed());
    }

    private String seniorities(String tier) {
        return policy.senioritiesFor(tier).stream().map(String::valueOf).collect(Collectors.joining("/"));
    }

    private static void requireUniqueClients(List<Long> clientIds) {
        Set<Long> seen = new HashSet<>();
        for (Long id : clientIds) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("client listed twice: " + id);
            }
        }
    }

    /** A client that has to leave its manager, and why. */
    private record Pending(CurrentAssignment assignment, Move.Cause cause) {
    }
}

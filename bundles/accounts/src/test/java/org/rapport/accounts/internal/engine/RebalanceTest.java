package org.rapport.accounts.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.accounts.internal.engine.AssignerTest.inactive;
import static org.rapport.accounts.internal.engine.AssignerTest.manager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebalanceTest {

    private static final LocalDate BASE = LocalDate.of(2024, 1, 1);

    private final Assigner assigner = new Assigner(AssignmentPolicy.defaults());

    private static CurrentAssignment held(long clientId, long managerId, String tier, int assignedDay) {
        return new CurrentAssignment(clientId, managerId, tier, "manufacturing", Set.of(), BASE.plusDays(assignedDay));
    }

    @Test
    void clientsOfADeactivatedManagerAllMove() {
        List<ManagerProfile> managers = List.of(inactive(1, 3, 10, 3), manager(2, 3, 10, 0), manager(3, 1, 10, 0));
        List<Move> moves = assigner.rebalance(managers, List.of(held(10, 1, "standard", 0), held(11, 1, "core", 5),
                held(12, 1, "key", 9), held(20, 2, "core", 0)));
        assertThat(moves).extracting(Move::clientId).containsExactly(11L, 12L, 10L);
        assertThat(moves).allSatisfy(m -> {
            assertThat(m.cause()).isEqualTo(Move.Cause.MANAGER_INACTIVE);
            assertThat(m.fromManagerId()).isEqualTo(1L);
            assertThat(m.resolved()).isTrue();
        });
        assertThat(moves).extracting(Move::toManagerId).containsExactly(2L, 2L, 3L);
        assertThat(moves.get(0).reasonEn()).startsWith("Manager 1 deactivated; move to manager 2");
        assertThat(moves.get(0).reasonZh()).startsWith("客户经理 1 已停用；转给客户经理 2");
    }

    @Test
    void overCapacityManagerShedsLowestTierNewestClientsFirst() {
        List<ManagerProfile> managers = List.of(manager(1, 3, 3, 6), manager(2, 2, 10, 0));
        List<CurrentAssignment> held = List.of(
                held(10, 1, "core", 1), held(11, 1, "standard", 2), held(12, 1, "standard", 50),
                held(13, 1, "prospect", 3), held(14, 1, "key", 100), held(15, 1, "core", 200));
        List<Move> moves = assigner.rebalance(managers, held);
        assertThat(moves).extracting(Move::clientId).containsExactlyInAnyOrder(13L, 12L, 11L);
        assertThat(moves).allSatisfy(m -> {
            assertThat(m.cause()).isEqualTo(Move.Cause.OVER_CAPACITY);
            assertThat(m.toManagerId()).isEqualTo(2L);
        });
        assertThat(moves.get(0).reasonEn()).startsWith("Manager 1 over capacity (6 of 3); move to manager 2");
        assertThat(moves.get(0).reasonZh()).startsWith("客户经理 1 超出容量（6/3）");
    }

    @Test
    void newestClientLeavesFirstWithinATier() {
        List<ManagerProfile> managers = List.of(manager(1, 1, 2, 3), manager(2, 1, 10, 0));
        List<Move> moves = assigner.rebalance(managers,
                List.of(held(10, 1, "standard", 30), held(11, 1, "standard", 10), held(12, 1, "standard", 20)));
        assertThat(moves).extracting(Move::clientId).containsExactly(10L);
    }

    @Test
    void movesNeverLandOnTheManagerTheyLeaveNorExceedCapacity() {
        List<ManagerProfile> managers = List.of(manager(1, 1, 2, 4), manager(2, 1, 3, 2));
        List<Move> moves = assigner.rebalance(managers, List.of(held(10, 1, "standard", 1), held(11, 1, "standard", 2),
                held(12, 1, "standard", 3), held(13, 1, "standard", 4)));
        assertThat(moves).hasSize(2);
        assertThat(moves).filteredOn(Move::resolved).hasSize(1).allSatisfy(m -> assertThat(m.toManagerId()).isEqualTo(2L));
        Move stuck = moves.stream().filter(m -> !m.resolved()).findFirst().orElseThrow();
        assertThat(stuck.toManagerId()).isNull();
        assertThat(stuck.reasonEn()).endsWith("no other suitable manager has capacity, stays for now");
    }

    @Test
    void clientsWhoNobodyCanTakeAreReportedForAHuman() {
        List<ManagerProfile> managers = List.of(inactive(1, 3, 10, 2), manager(2, 1, 10, 0));
        List<Move> moves = assigner.rebalance(managers, List.of(held(10, 1, "core", 1), held(11, 1, "standard", 1)));
        assertThat(moves).hasSize(2);
        Move core = moves.get(0);
        assertThat(core.clientId()).isEqualTo(10L);
        assertThat(core.resolved()).isFalse();
        assertThat(core.fit()).isNull();
        assertThat(core.reasonEn()).isEqualTo(
                "Manager 1 deactivated; no active manager with seniority 3/2 has capacity, needs a manual decision");
        assertThat(moves.get(1).toManagerId()).isEqualTo(2L);
    }

    @Test
    void clientsOfUnknownManagersMove() {
        List<Move> moves = assigner.rebalance(List.of(manager(2, 2, 10, 0)), List.of(held(10, 99, "key", 1)));
        assertThat(moves).singleElement().satisfies(m -> {
            assertThat(m.cause()).isEqualTo(Move.Cause.MANAGER_UNKNOWN);
            assertThat(m.toManagerId()).isEqualTo(2L);
            assertThat(m.reasonEn()).startsWith("Manager 99 unknown");
        });
    }

    @Test
    void balancedTeamNeedsNoMoves() {
        List<ManagerProfile> managers = List.of(manager(1, 3, 2, 2), manager(2, 1, 5, 1));
        assertThat(assigner.rebalance(managers, List.of(held(10, 1, "core", 1), held(11, 1, "core", 2),
                held(12, 2, "standard", 1)))).isEmpty();
    }

    @Test
    void rebalanceIsDeterministicAndRespectsCapacity() {
        Random random = new Random(42);
        List<ManagerProfile> managers = new ArrayList<>();
        List<CurrentAssignment> held = new ArrayList<>();
        List<String> tiers = List.of("core", "key", "standard", "prospect");
        long client = 1;
        for (long id = 1; id <= 30; id++) {
            int capacity = 5 + random.nextInt(20);
            int load = random.nextInt(capacity + 8);
            managers.add(new ManagerProfile(id, random.nextInt(5) != 0, capacity, load, 1 + random.nextInt(3),
                    Set.of(), Set.of()));
            for (int i = 0; i < load; i++) {
                held.add(new CurrentAssignment(client++, id, tiers.get(random.nextInt(4)), null, Set.of(),
                        random.nextBoolean() ? BASE.plusDays(random.nextInt(300)) : null));
            }
        }
        List<Move> expected = assigner.rebalance(managers, held);
        for (int i = 0; i < 10; i++) {
            List<ManagerProfile> m = new ArrayList<>(managers);
            List<CurrentAssignment> h = new ArrayList<>(held);
            Collections.shuffle(m, random);
            Collections.shuffle(h, random);
            assertThat(assigner.rebalance(m, h)).isEqualTo(expected);
        }
        Map<Long, Integer> loads = new HashMap<>();
        managers.forEach(m -> loads.put(m.id(), m.load()));
        for (Move move : expected) {
            if (move.resolved()) {
                loads.merge(move.fromManagerId(), -1, Integer::sum);
                loads.merge(move.toManagerId(), 1, Integer::sum);
            }
        }
        for (ManagerProfile m : managers) {
            if (!m.active()) {
                assertThat(expected).filteredOn(mv -> Long.valueOf(m.id()).equals(mv.toManagerId())).isEmpty();
                assertThat(expected).filteredOn(mv -> mv.fromManagerId() == m.id()).hasSize(m.load());
            } else if (m.load() <= m.capacity()) {
                assertThat(loads.get(m.id())).isLessThanOrEqualTo(m.capacity());
            } else {
                assertThat(loads.get(m.id())).isGreaterThanOrEqualTo(m.capacity());
                assertThat(loads.get(m.id())).isLessThanOrEqualTo(m.load());
            }
        }
    }
}

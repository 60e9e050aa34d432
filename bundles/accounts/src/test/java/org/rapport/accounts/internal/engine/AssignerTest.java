package org.rapport.accounts.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignerTest {

    private final Assigner assigner = new Assigner(AssignmentPolicy.defaults());

    static ManagerProfile manager(long id, int seniority, int capacity, int load) {
        return new ManagerProfile(id, true, capacity, load, seniority, Set.of(), Set.of());
    }

    static ManagerProfile skilled(long id, int seniority, int capacity, int load, Set<String> industries,
            Set<String> products) {
        return new ManagerProfile(id, true, capacity, load, seniority, industries, products);
    }

    static ManagerProfile inactive(long id, int seniority, int capacity, int load) {
        return new ManagerProfile(id, false, capacity, load, seniority, Set.of(), Set.of());
    }

    static AssignmentRequest request(long clientId, String tier) {
        return new AssignmentRequest(clientId, tier, "manufacturing", Set.of(), null);
    }

    private Assignment assignOne(List<ManagerProfile> managers, AssignmentRequest request) {
        return assigner.assign(managers, List.of(request)).get(0);
    }

    @Test
    void coreClientGoesToASeniorManager() {
        List<ManagerProfile> managers = List.of(manager(1, 1, 10, 0), manager(2, 2, 10, 0), manager(3, 3, 10, 0));
        Assignment a = assignOne(managers, request(100, "core"));
        assertThat(a.managerId()).isEqualTo(3L);
        assertThat(a.outcome()).isEqualTo(Assignment.Outcome.ASSIGNED);
        assertThat(a.fit().seniorityChoice()).isEqualTo(1);
        assertThat(a.reasonEn()).startsWith("Assigned to manager 3: seniority 3 (choice 1 for core)");
        assertThat(a.reasonZh()).startsWith("分配给客户经理 3：资历 3（核心客户第 1 选择）");
    }

    @Test
    void coreClientFallsBackToSeniority2ButNeverToAJunior() {
        List<ManagerProfile> managers = List.of(manager(1, 1, 10, 0), manager(2, 2, 10, 0), manager(3, 3, 10, 10));
        assertThat(assignOne(managers, request(100, "core")).managerId()).isEqualTo(2L);
        Assignment a = assignOne(List.of(manager(1, 1, 10, 0)), request(100, "core"));
        assertThat(a.managerId()).isNull();
        assertThat(a.outcome()).isEqualTo(Assignment.Outcome.UNASSIGNED);
        assertThat(a.reasonEn()).isEqualTo("No active manager with seniority 3/2 has capacity for a core client");
        assertThat(a.reasonZh()).contains("3/2", "核心客户");
    }

    @Test
    void keyClientPrefersSeniority2ThenSeniorThenJunior() {
        assertThat(assignOne(List.of(manager(1, 1, 10, 0), manager(2, 2, 10, 0), manager(3, 3, 10, 0)),
                request(100, "key")).managerId()).isEqualTo(2L);
        assertThat(assignOne(List.of(manager(1, 1, 10, 0), manager(3, 3, 10, 0)), request(100, "key")).managerId())
                .isEqualTo(3L);
        assertThat(assignOne(List.of(manager(1, 1, 10, 0)), request(100, "key")).managerId()).isEqualTo(1L);
    }

    @Test
    void standardAndProspectClientsPreferJuniorsToKeepSeniorsFree() {
        List<ManagerProfile> managers = List.of(manager(1, 3, 10, 0), manager(2, 2, 10, 0), manager(3, 1, 10, 9));
        assertThat(assignOne(managers, request(100, "standard")).managerId()).isEqualTo(3L);
        assertThat(assignOne(managers, request(100, "prospect")).managerId()).isEqualTo(3L);
    }

    @Test
    void industryMatchIsPreferredWithinTheSameSeniority() {
        List<ManagerProfile> managers = List.of(
                skilled(1, 3, 10, 0, Set.of("retail"), Set.of("loans")),
                skilled(2, 3, 10, 8, Set.of("manufacturing"), Set.of()));
        Assignment a = assignOne(managers, request(100, "core"));
        assertThat(a.managerId()).isEqualTo(2L);
        assertThat(a.fit().industryMatch()).isTrue();
        assertThat(a.reasonEn()).contains("same industry (manufacturing)", "2 of 10 slots free");
    }

    @Test
    void productOverlapBreaksTiesBetweenIndustryMatches() {
        List<ManagerProfile> managers = List.of(
                skilled(1, 2, 10, 0, Set.of("manufacturing"), Set.of("fx")),
                skilled(2, 2, 10, 5, Set.of("manufacturing"), Set.of("fx", "loans", "cash")));
        AssignmentRequest r = new AssignmentRequest(100, "key", "manufacturing", Set.of("loans", "fx"), null);
        Assignment a = assignOne(managers, r);
        assertThat(a.managerId()).isEqualTo(2L);
        assertThat(a.fit().sharedProducts()).containsExactly("fx", "loans");
        assertThat(a.reasonEn()).contains("2 shared products (fx, loans)");
        assertThat(a.reasonZh()).contains("共同产品 2 个（fx, loans）");
    }

    @Test
    void tierFitComesBeforeSkillFit() {
        List<ManagerProfile> managers = List.of(
                skilled(1, 2, 10, 0, Set.of("manufacturing"), Set.of()),
                manager(2, 3, 10, 0));
        assertThat(assignOne(managers, request(100, "core")).managerId()).isEqualTo(2L);
    }

    @Test
    void mostRemainingCapacityRatioWinsThenLowestId() {
        List<ManagerProfile> managers = List.of(manager(1, 1, 10, 6), manager(2, 1, 20, 10), manager(3, 1, 5, 2));
        assertThat(assignOne(managers, request(100, "standard")).managerId()).isEqualTo(3L);
        List<ManagerProfile> tied = List.of(manager(7, 1, 10, 5), manager(4, 1, 20, 10), manager(9, 1, 2, 1));
        assertThat(assignOne(tied, request(100, "standard")).managerId()).isEqualTo(4L);
    }

    @Test
    void capacityIsNeverExceededWithinABatch() {
        List<ManagerProfile> managers = List.of(manager(1, 1, 3, 1), manager(2, 1, 2, 0));
        List<AssignmentRequest> requests = new ArrayList<>();
        for (long c = 1; c <= 6; c++) {
            requests.add(request(c, "standard"));
        }
        List<Assignment> result = assigner.assign(managers, requests);
        assertThat(result).hasSize(6);
        assertThat(result).filteredOn(a -> Long.valueOf(1).equals(a.managerId())).hasSize(2);
        assertThat(result).filteredOn(a -> Long.valueOf(2).equals(a.managerId())).hasSize(2);
        assertThat(result).filteredOn(a -> a.managerId() == null).extracting(Assignment::clientId)
                .containsExactly(5L, 6L);
    }

    @Test
    void inactiveManagerGetsNothing() {
        List<ManagerProfile> managers = List.of(inactive(1, 3, 100, 0), manager(2, 3, 1, 0));
        List<Assignment> result = assigner.assign(managers, List.of(request(1, "core"), request(2, "core"),
                request(3, "standard")));
        assertThat(result).extracting(Assignment::managerId).doesNotContain(1L);
        assertThat(result).extracting(Assignment::managerId).containsExactly(2L, null, null);
    }

    @Test
    void whenNobodyHasCapacityEveryClientIsReportedUnassigned() {
        List<ManagerProfile> managers = List.of(manager(1, 1, 5, 5), manager(2, 3, 0, 0), inactive(3, 2, 9, 0));
        List<Assignment> result = assigner.assign(managers, List.of(request(10, "prospect"), request(11, "key")));
        assertThat(result).hasSize(2).allSatisfy(a -> {
            assertThat(a.managerId()).isNull();
            assertThat(a.outcome()).isEqualTo(Assignment.Outcome.UNASSIGNED);
            assertThat(a.fit()).isNull();
        });
        assertThat(result).extracting(Assignment::clientId).containsExactly(11L, 10L);
        assertThat(assigner.assign(List.of(), List.of(request(1, "core"))).get(0).outcome())
                .isEqualTo(Assignment.Outcome.UNASSIGNED);
    }

    @Test
    void requestsAreServedByTierPriorityThenClientId() {
        List<ManagerProfile> managers = List.of(manager(1, 3, 1, 0));
        List<Assignment> result = assigner.assign(managers,
                List.of(request(5, "standard"), request(9, "core"), request(3, "prospect"), request(7, "core")));
        assertThat(result).extracting(Assignment::clientId).containsExactly(7L, 9L, 5L, 3L);
        assertThat(result.get(0).managerId()).isEqualTo(1L);
        assertThat(result.subList(1, 4)).extracting(Assignment::managerId).containsOnlyNulls();
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        Random random = new Random(3);
        List<ManagerProfile> managers = randomManagers(random, 15);
        List<AssignmentRequest> requests = randomRequests(random, 120);
        List<Assignment> expected = assigner.assign(managers, requests);
        for (int i = 0; i < 20; i++) {
            List<ManagerProfile> m = new ArrayList<>(managers);
            List<AssignmentRequest> r = new ArrayList<>(requests);
            Collections.shuffle(m, random);
            Collections.shuffle(r, random);
            assertThat(assigner.assign(m, r)).isEqualTo(expected);
        }
    }

    @Test
    void currentManagerIsKeptWhenStillSuitable() {
        List<ManagerProfile> managers = List.of(manager(1, 3, 10, 10), manager(2, 3, 10, 0));
        Assignment a = assignOne(managers, new AssignmentRequest(100, "core", null, Set.of(), 1L));
        assertThat(a.managerId()).isEqualTo(1L);
        assertThat(a.outcome()).isEqualTo(Assignment.Outcome.KEPT);
        assertThat(a.reasonEn()).startsWith("Kept with current manager 1");
    }

    @Test
    void upgradedClientMovesFromAJuniorToASeniorAndFreesTheOldSlot() {
        List<ManagerProfile> managers = List.of(manager(1, 1, 1, 1), manager(2, 3, 10, 0));
        List<Assignment> result = assigner.assign(managers, List.of(
                new AssignmentRequest(100, "core", null, Set.of(), 1L), request(200, "standard")));
        assertThat(result.get(0).managerId()).isEqualTo(2L);
        assertThat(result.get(0).outcome()).isEqualTo(Assignment.Outcome.ASSIGNED);
        assertThat(result.get(1).managerId()).isEqualTo(1L);
    }

    @Test
    void clientOfAnInactiveManagerIsReassigned() {
        List<ManagerProfile> managers = List.of(inactive(1, 3, 10, 4), manager(2, 2, 10, 0));
        Assignment a = assignOne(managers, new AssignmentRequest(100, "core", null, Set.of(), 1L));
        assertThat(a.managerId()).isEqualTo(2L);
    }

    @Test
    void clientStaysWithAnActiveButUnsuitableManagerWhenNobodyElseFits() {
        List<ManagerProfile> managers = List.of(manager(1, 1, 5, 3), manager(2, 3, 5, 5));
        Assignment a = assignOne(managers, new AssignmentRequest(100, "core", null, Set.of(), 1L));
        assertThat(a.managerId()).isEqualTo(1L);
        assertThat(a.outcome()).isEqualTo(Assignment.Outcome.KEPT);
        assertThat(a.reasonEn()).contains("No other suitable manager has capacity");
    }

    @Test
    void duplicateIdsAreRejected() {
        assertThatThrownBy(() -> assigner.assign(List.of(manager(1, 1, 1, 0), manager(1, 2, 1, 0)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> assigner.assign(List.of(), List.of(request(1, "core"), request(1, "key"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> manager(1, 4, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomBatchesNeverBreakTheRules() {
        Random random = new Random(42);
        for (int round = 0; round < 25; round++) {
            List<ManagerProfile> managers = randomManagers(random, 5 + random.nextInt(40));
            List<AssignmentRequest> requests = randomRequests(random, 50 + random.nextInt(500));
            List<Assignment> result = assigner.assign(managers, requests);

            assertThat(result).extracting(Assignment::clientId)
                    .containsExactlyInAnyOrderElementsOf(requests.stream().map(AssignmentRequest::clientId).toList());
            Map<Long, ManagerProfile> byId = new HashMap<>();
            managers.forEach(m -> byId.put(m.id(), m));
            Map<Long, Integer> added = new HashMap<>();
            Map<Long, String> tierOf = new HashMap<>();
            requests.forEach(r -> tierOf.put(r.clientId(), r.tier()));
            for (Assignment a : result) {
                if (a.managerId() == null) {
                    continue;
                }
                ManagerProfile m = byId.get(a.managerId());
                assertThat(m.active()).isTrue();
                assertThat(AssignmentPolicy.defaults().senioritiesFor(tierOf.get(a.clientId()))).contains(m.seniority());
                added.merge(m.id(), 1, Integer::sum);
            }
            added.forEach((id, n) -> assertThat(byId.get(id).load() + n).isLessThanOrEqualTo(byId.get(id).capacity()));
            for (Assignment a : result) {
                if (a.managerId() == null) {
                    String tier = tierOf.get(a.clientId());
                    assertThat(managers).filteredOn(m -> m.active()
                            && AssignmentPolicy.defaults().senioritiesFor(tier).contains(m.seniority()))
                            .allSatisfy(m -> assertThat(m.load() + added.getOrDefault(m.id(), 0))
                                    .isGreaterThanOrEqualTo(m.capacity()));
                }
            }
        }
    }

    private static final List<String> TIERS = List.of("core", "key", "standard", "prospect");
    private static final List<String> INDUSTRIES = List.of("manufacturing", "retail", "energy", "logistics");
    private static final List<String> PRODUCTS = List.of("loans", "fx", "cash", "trade", "payroll");

    static List<ManagerProfile> randomManagers(Random random, int count) {
        List<ManagerProfile> managers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int capacity = random.nextInt(30);
            int load = capacity == 0 ? 0 : random.nextInt(capacity + 1);
            managers.add(new ManagerProfile(1_000 + i * 7L, random.nextInt(6) != 0, capacity, load,
                    1 + random.nextInt(3), pick(random, INDUSTRIES), pick(random, PRODUCTS)));
        }
        return managers;
    }

    static List<AssignmentRequest> randomRequests(Random random, int count) {
        List<AssignmentRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(new AssignmentRequest(10_000 + i * 3L, TIERS.get(random.nextInt(TIERS.size())),
                    INDUSTRIES.get(random.nextInt(INDUSTRIES.size())), pick(random, PRODUCTS), null));
        }
        return requests;
    }

    static Set<String> pick(Random random, List<String> from) {
        Set<String> picked = new java.util.TreeSet<>();
        for (String s : from) {
            if (random.nextBoolean()) {
                picked.add(s);
            }
        }
        return picked;
    }
}

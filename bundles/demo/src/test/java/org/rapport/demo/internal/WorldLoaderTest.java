package org.rapport.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.accounts.AccountManager;
import org.rapport.demo.internal.world.DemoCompany;
import org.rapport.demo.internal.world.DemoInteraction;
import org.rapport.demo.internal.world.DemoManager;
import org.rapport.demo.internal.world.World;
import org.rapport.demo.internal.world.WorldGenerator;
import org.rapport.health.Health;
import org.rapport.records.Client;
import org.rapport.records.ClientQuery;
import org.rapport.records.Contact;
import org.rapport.records.FollowUp;
import org.rapport.records.Interaction;
import org.rapport.records.RegistrationNumbers;
import org.rapport.security.Role;
import org.rapport.security.StaffMember;
import org.rapport.testing.TestDb;

/** Loading a small demo world through the real records and accounts services, on H2 and PostgreSQL. */
class WorldLoaderTest {
    private static final int COMPANIES = 30;
    private static final World WORLD = WorldGenerator.generate(DemoLoader.SEED, COMPANIES, LocalDate.now(),
            RegistrationNumbers::complete);

    private Services services;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @AfterEach
    void close() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    private LoadCounts load(String kind, boolean deliverEvents) throws Exception {
        services = Services.open(kind, deliverEvents);
        return loader().load(WORLD, new LoadProgress(COMPANIES));
    }

    private WorldLoader loader() {
        return new WorldLoader(services.records, services.accounts, services.staff, () -> false);
    }

    private Map<String, Client> clientsByName() {
        return services.records.clients(ClientQuery.all(1, ClientQuery.MAX_SIZE)).items().stream()
                .collect(Collectors.toMap(Client::name, c -> c));
    }

    private long managerId(String username) {
        return services.staff.byUsername(username).orElseThrow().id();
    }

    /**
     * One load per database kind (on PostgreSQL the test helper opens a connection per statement, so a load takes
     * a minute there): the records, the managers and the scores.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void theWorldArrivesWithManagersRecordsAndScores(String kind) throws Exception {
        LoadProgress progress = new LoadProgress(COMPANIES);
        services = Services.open(kind, false);

        LoadCounts counts = loader().load(WORLD, progress);
        progress.finished(counts);

        assertThat(counts).isEqualTo(new LoadCounts(12, COMPANIES, WORLD.contacts().size(),
                WORLD.transactions().size(), WORLD.interactions().size(), WORLD.tasks().size()));
        assertThat(progress.check().status()).isEqualTo(Health.Status.UP);
        assertThat(progress.check().message()).isEqualTo("loaded 30 companies");
        Map<String, Client> clients = clientsByName();
        assertThat(clients).hasSize(COMPANIES);
        for (DemoCompany company : WORLD.companies()) {
            Client client = clients.get(company.name());
            assertThat(client).as(company.name()).isNotNull();
            assertThat(client.clientSince()).isEqualTo(company.createdOn());
            assertThat(client.registrationNo()).isEqualTo(RegistrationNumbers.normalise(company.registrationNumber()));
            assertThat(client.industry()).isEqualTo(company.industry());
            assertThat(client.region()).isEqualTo(company.region());
            assertThat(client.status()).isEqualTo(company.status());
            assertThat(client.annualRevenue()).isEqualByComparingTo(company.annualRevenue());
            List<Contact> contacts = services.records.contacts(client.id());
            assertThat(contacts).extracting(Contact::name)
                    .containsExactlyInAnyOrderElementsOf(WORLD.contactsOf(company.index()).stream()
                            .map(c -> c.name()).toList());
            assertThat(services.records.transactions(client.id(), 1, 1).total())
                    .isEqualTo(WORLD.transactionsOf(company.index()).size());
            assertThat(services.records.interactions(client.id(), 1, 1).total())
                    .isEqualTo(WORLD.interactionsOf(company.index()).size());
            assertThat(services.records.tasks(client.id()))
                    .hasSize((int) WORLD.tasks().stream().filter(t -> t.companyIndex() == company.index()).count());
        }
        managersHaveAccountsProfilesAndTheirIntendedClients();
        tiersAndStagesAreVaried();
    }

    private void managersHaveAccountsProfilesAndTheirIntendedClients() {
        for (DemoManager manager : WORLD.managers()) {
            StaffMember member = services.staff.byUsername(manager.username()).orElseThrow();
            assertThat(member.roles()).containsExactly(Role.MANAGER);
            assertThat(member.displayName()).isEqualTo(manager.displayName());
            AccountManager profile = services.accounts.manager(member.id()).orElseThrow();
            assertThat(profile.active()).isTrue();
            assertThat(profile.capacity()).isEqualTo(manager.capacity());
            assertThat(profile.seniority()).isEqualTo(manager.seniority());
            assertThat(profile.industries()).containsExactlyInAnyOrderElementsOf(manager.industries());
            assertThat(profile.products()).containsExactlyInAnyOrderElementsOf(manager.products());
        }
        assertThat(services.staff.passwords()).hasSize(12).containsOnly(WorldLoader.PASSWORD);

        Map<String, Client> clients = clientsByName();
        for (DemoCompany company : WORLD.companies()) {
            assertThat(clients.get(company.name()).standing().managerId()).as(company.name())
                    .isEqualTo(managerId(company.managerUsername()));
        }
        DemoCompany first = WORLD.companies().get(0);
        long firstId = clients.get(first.name()).id();
        List<Interaction> timeline = services.records.interactions(firstId, 1, 500).items();
        List<DemoInteraction> planned = WORLD.interactionsOf(first.index());
        assertThat(timeline.stream().filter(i -> i.staffId() != null).count())
                .isEqualTo(planned.stream().filter(i -> i.staffUsername() != null).count());
        assertThat(timeline).allSatisfy(i -> assertThat(i.contactId()).isNotNull());
        assertThat(services.records.tasks(firstId)).extracting(FollowUp::ownerId)
                .containsOnly(managerId(first.managerUsername()));
    }

    private void tiersAndStagesAreVaried() {
        Map<String, Long> tiers = services.records.countBy("tier");
        Map<String, Long> stages = services.records.countBy("stage");
        assertThat(tiers).doesNotContainKey("");
        assertThat(stages).doesNotContainKey("");
        assertThat(tiers.keySet()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(stages.keySet()).hasSizeGreaterThanOrEqualTo(3).contains("prospect", "repeat");
        assertThat(services.records.clients(new ClientQuery(null, null, null, null, 10, null, null, null, null, null,
                1, 1)).total()).as("clients with a churn risk of 10 or more").isPositive();
    }

    @Test
    void intendedManagersHoldWhileAutomaticAssignmentRunsAlongside() throws Exception {
        load(TestDb.H2, true);
        Thread.sleep(1_000); // the accounts service's coalesced background work (200 ms) has run

        Map<String, Client> clients = clientsByName();
        Map<String, Long> wrong = new HashMap<>();
        for (DemoCompany company : WORLD.companies()) {
            Long actual = clients.get(company.name()).standing().managerId();
            if (!Long.valueOf(managerId(company.managerUsername())).equals(actual)) {
                wrong.put(company.name(), actual);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void existingStaffAccountsAreReusedNotDuplicated() throws Exception {
        services = Services.open(TestDb.H2, false);
        StaffMember existing = services.staff.add("li.na", "Li Na", Role.MANAGER);

        loader().load(WORLD, new LoadProgress(COMPANIES));

        assertThat(services.staff.list()).filteredOn(m -> m.username().equals("li.na")).containsExactly(existing);
        assertThat(services.staff.passwords()).hasSize(11);
        assertThat(services.accounts.manager(existing.id()).orElseThrow().capacity())
                .isEqualTo(WORLD.managers().get(0).capacity());
    }

    @Test
    void aStopRequestEndsTheLoadBetweenTwoWrites() throws Exception {
        services = Services.open(TestDb.H2, false);
        AtomicInteger asked = new AtomicInteger();
        LoadProgress progress = new LoadProgress(COMPANIES);
        WorldLoader stopping = new WorldLoader(services.records, services.accounts, services.staff,
                () -> asked.incrementAndGet() > 100);

        assertThatThrownBy(() -> stopping.load(WORLD, progress)).isInstanceOf(WorldLoader.Stopped.class);

        assertThat(stopping.clients()).isBetween(1L, (long) COMPANIES - 1);
        assertThat(progress.check().message()).matches("loading… \\d+/30").isNotEqualTo("loading… 30/30");
    }

    @Test
    void theWorldIsDatedFromTodayInTheRecordsClock() {
        // transactions and client dates must pass the records' check "not in the future" (UTC, plus a day)
        LocalDate utcTomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        assertThat(WORLD.transactions()).allSatisfy(t -> assertThat(t.date()).isBeforeOrEqualTo(utcTomorrow));
        assertThat(WORLD.companies()).allSatisfy(c -> assertThat(c.createdOn()).isBeforeOrEqualTo(utcTomorrow));
    }
}

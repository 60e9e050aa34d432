package org.rapport.records.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.ClientQuery;
import org.rapport.records.Contact;
import org.rapport.records.ContactInput;
import org.rapport.records.FieldChange;
import org.rapport.records.FollowUp;
import org.rapport.records.FollowUpInput;
import org.rapport.records.InteractionInput;
import org.rapport.records.InvalidRecordException;
import org.rapport.records.NoSuchRecordException;
import org.rapport.records.RecordsEvents;
import org.rapport.records.RegistrationNumbers;
import org.rapport.records.Standing;
import org.rapport.records.TransactionInput;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.testing.TestDb;

/** The records service against the real schema on H2 and PostgreSQL. */
class RecordsServiceTest {
    private static final Principal ALICE = new Principal(7, "alice", "Alice Wang", Set.of(Role.MANAGER),
            Principal.Kind.SESSION, null, Set.of());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

    private TestDb db;
    private RecordsService records;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private void open(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__records.sql", "db/migration/V2__contact_point_lookup.sql");
        records = new RecordsService(db.store(), CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static ClientInput company(String name) {
        return new ClientInput(name, null, "Manufacturing", "shanghai", new BigDecimal("12000000"), 120, List.of("export"), null);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void createsReadsAndListsClients(String kind) throws Exception {
        open(kind);
        String code = RegistrationNumbers.complete("91310000MA1FL0000");
        Client created = records.createClient(new ClientInput("上海恒瑞精密机械有限公司", code, "manufacturing", "Shanghai",
                new BigDecimal("88000000.5"), 340, List.of("外贸", " export ", "外贸"), null), ALICE);

        assertThat(created.id()).isPositive();
        assertThat(created.status()).isEqualTo("active");
        assertThat(created.region()).isEqualTo("shanghai");
        assertThat(created.tags()).containsExactly("外贸", "export");
        assertThat(created.annualRevenue()).isEqualByComparingTo("88000000.50");
        assertThat(records.client(created.id())).contains(created);
        for (int i = 0; i < 5; i++) {
            records.createClient(company("Acme " + i + " Ltd"), ALICE);
        }

        var page = records.clients(ClientQuery.all(1, 4));
        assertThat(page.total()).isEqualTo(6);
        assertThat(page.items()).hasSize(4);
        assertThat(records.clients(new ClientQuery("恒瑞", null, null, null, null, null, null, null, null, null, 1, 10)).items())
                .extracting(Client::id).containsExactly(created.id());
        assertThat(records.clients(new ClientQuery(null, null, null, null, null, null, null, null, "export", "-name", 1, 10)).total())
                .isEqualTo(6);
        assertThat(records.clients(new ClientQuery("100%_", null, null, null, null, null, null, null, null, null, 1, 10)).total())
                .isZero();
        assertThat(db.events()).extracting(TestDb.Emitted::topic).containsOnly(RecordsEvents.CLIENT_CREATED);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void recordsEveryChangedFieldWithWhoAndWhen(String kind) throws Exception {
        open(kind);
        Client client = records.createClient(company("Northwind Logistics"), ALICE);
        db.clearEvents();

        records.updateClient(client.id(), new ClientInput("Northwind Logistics", null, "logistics", "shanghai",
                new BigDecimal("12000000.00"), 150, List.of("export"), "active"), ALICE);

        List<FieldChange> history = records.history(client.id(), 1, 50).items();
        assertThat(history).filteredOn(c -> !c.field().equals("created"))
                .extracting(FieldChange::field, FieldChange::oldValue, FieldChange::newValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("industry", "manufacturing", "logistics"),
                        org.assertj.core.groups.Tuple.tuple("employees", "120", "150"));
        assertThat(history).allSatisfy(c -> {
            assertThat(c.actorId()).isEqualTo(7);
            assertThat(c.actorName()).isEqualTo("Alice Wang");
            assertThat(c.at()).isEqualTo(CLOCK.instant());
        });
        assertThat(db.events()).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo(RecordsEvents.CLIENT_UPDATED);
            assertThat(e.properties().get(RecordsEvents.FIELDS)).isEqualTo(List.of("industry", "employees"));
        });

        records.updateClient(client.id(), ClientInput.of(records.client(client.id()).orElseThrow()), ALICE);
        assertThat(db.events()).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void rejectsInvalidInputWithEveryFieldError(String kind) throws Exception {
        open(kind);
        assertThatThrownBy(() -> records.createClient(new ClientInput(" ", "91310000MA1FL00000", null, null,
                new BigDecimal("-1"), -3, null, "sleeping"), ALICE))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("name", "registrationNo", "annualRevenue", "employees", "status"));
        Client client = records.createClient(company("Valid Co"), ALICE);
        assertThatThrownBy(() -> records.addContact(client.id(), new ContactInput("Li", null, List.of("not-an-email"),
                List.of("12"), "pigeon", "fr", "Mars/Base"), ALICE))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.fields())
                        .containsOnlyKeys("emails", "phones", "preferredChannel", "language", "timeZone"));
        assertThatThrownBy(() -> records.updateClient(999_999, company("X"), ALICE)).isInstanceOf(NoSuchRecordException.class);
        assertThat(records.clients(ClientQuery.all(1, 10)).total()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void contactsAreNormalisedAndFoundByEmailAndPhone(String kind) throws Exception {
        open(kind);
        Client client = records.createClient(company("Helix Biotech"), ALICE);
        Contact contact = records.addContact(client.id(), new ContactInput("王芳", "财务总监", List.of("Wang.Fang@Helix.example.cn"),
                List.of("138 1234 5678"), "email", null, null), ALICE);

        assertThat(contact.language()).isEqualTo("zh");
        assertThat(contact.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(contact.phones()).containsExactly("+8613812345678");
        assertThat(records.contactsByEmail("wang.fang@helix.example.CN")).extracting(Contact::id).containsExactly(contact.id());
        assertThat(records.contactsByPhone("+86 138-1234-5678")).extracting(Contact::id).containsExactly(contact.id());
        assertThat(records.contacts(client.id())).containsExactly(contact);

        Contact second = records.addContact(client.id(), new ContactInput("Li Lei", null, null, List.of("139 0000 1111"), null, "en",
                null), ALICE);
        assertThat(records.contactsById(List.of(second.id(), contact.id(), 999_999L, contact.id())))
                .as("in one read, as contact(id) would give each; the unknown left out")
                .containsOnly(Map.entry(contact.id(), records.contact(contact.id()).orElseThrow()),
                        Map.entry(second.id(), records.contact(second.id()).orElseThrow()));

        records.deleteContact(contact.id(), ALICE);
        assertThat(records.contacts(client.id())).containsExactly(second);
        assertThat(records.contactsByEmail("wang.fang@helix.example.cn")).isEmpty();
        assertThat(records.contactsById(List.of(contact.id(), second.id()))).containsOnlyKeys(second.id());
        assertThat(records.contactsById(List.of())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void findsDuplicatesByRegistrationNameEmailAndPhone(String kind) throws Exception {
        open(kind);
        String code = RegistrationNumbers.complete("91440300MA5DC0000");
        Client existing = records.createClient(new ClientInput("深圳前海数据科技有限公司", code, null, null, null, null, null, null), ALICE);
        records.addContact(existing.id(), new ContactInput("Chen", null, List.of("chen@qianhai.example.cn"),
                List.of("+86 139 0000 1111"), null, null, null), ALICE);
        Client acme = records.createClient(company("ACME Co., Ltd."), ALICE);

        assertThat(records.duplicates(new ClientInput("Acme Limited", null, null, null, null, null, null, null), List.of(), List.of(), 0))
                .singleElement().satisfies(d -> {
                    assertThat(d.clientId()).isEqualTo(acme.id());
                    assertThat(d.reason()).isEqualTo("name");
                });
        assertThat(records.duplicates(new ClientInput("Other", code.toLowerCase(), null, null, null, null, null, null), List.of(),
                List.of(), 0)).extracting(d -> d.reason()).containsExactly("registrationNo");
        assertThat(records.duplicates(new ClientInput("深圳前海数据科技股份有限公司", null, null, null, null, null, null, null),
                List.of(), List.of(), 0)).extracting(d -> d.clientId()).containsExactly(existing.id());
        assertThat(records.duplicates(new ClientInput("New", null, null, null, null, null, null, null),
                List.of("CHEN@qianhai.example.cn"), List.of("13900001111"), 0))
                .extracting(d -> d.reason()).containsExactly("email");
        assertThat(records.duplicates(company("ACME Co., Ltd."), List.of(), List.of(), acme.id())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void mergeMovesEverythingToTheSurvivor(String kind) throws Exception {
        open(kind);
        Client target = records.createClient(new ClientInput("Acme Ltd", null, null, "beijing", null, null, List.of("a"), null), ALICE);
        Client source = records.createClient(new ClientInput("ACME Limited", null, "trading", "shanghai", new BigDecimal("5"), 9,
                List.of("b"), null), ALICE);
        records.addContact(source.id(), new ContactInput("Bob", null, List.of("bob@acme.example.com"), null, null, null, null), ALICE);
        records.addTransaction(source.id(), new TransactionInput(LocalDate.of(2026, 11, 1), new BigDecimal("100"), null, "fx", null),
                ALICE);
        records.addInteraction(source.id(), new InteractionInput(null, "email", "inbound", null, "Asked about fees", null, null, null,
                null), ALICE);

        Client merged = records.merge(target.id(), source.id(), ALICE);

        assertThat(merged.industry()).isEqualTo("trading");
        assertThat(merged.region()).isEqualTo("beijing");
        assertThat(merged.tags()).containsExactly("a", "b");
        assertThat(records.client(source.id())).isEmpty();
        assertThat(records.contacts(target.id())).hasSize(1);
        assertThat(records.transactions(target.id(), 1, 10).total()).isEqualTo(1);
        assertThat(records.interactions(target.id(), 1, 10).total()).isEqualTo(1);
        assertThat(records.clients(ClientQuery.all(1, 10)).total()).isEqualTo(1);
        assertThat(records.history(target.id(), 1, 50).items()).anySatisfy(c -> assertThat(c.field()).isEqualTo("merged"));
        assertThatThrownBy(() -> records.merge(target.id(), target.id(), ALICE)).isInstanceOf(InvalidRecordException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void standingFiltersAndCounts(String kind) throws Exception {
        open(kind);
        Client a = records.createClient(company("Alpha"), ALICE);
        Client b = records.createClient(company("Beta"), ALICE);
        records.createClient(company("Gamma"), ALICE);
        records.updateStanding(a.id(), new Standing("core", "loyal", 7L, 82, 10), "scored", Principal.SYSTEM);
        records.updateStanding(b.id(), new Standing("standard", "at_risk", 8L, 40, 75), "scored", Principal.SYSTEM);

        assertThat(records.clients(new ClientQuery(null, Set.of("core", "key"), null, null, null, null, null, null, null, null, 1, 10))
                .items()).extracting(Client::id).containsExactly(a.id());
        assertThat(records.clients(new ClientQuery(null, null, null, null, 70, null, null, null, null, "-churnRisk", 1, 10)).items())
                .extracting(Client::id).containsExactly(b.id());
        assertThat(records.clients(new ClientQuery(null, null, null, 0L, null, null, null, null, null, null, 1, 10)).total()).isEqualTo(1);
        assertThat(records.countBy("tier")).containsEntry("core", 1L).containsEntry("standard", 1L).containsEntry("", 1L);
        assertThat(records.history(a.id(), 1, 50).items()).extracting(FieldChange::field)
                .contains("tier", "stage", "managerId").doesNotContain("valueScore");
        Client cleared = records.clearManager(a.id(), "manager left", ALICE);
        assertThat(cleared.standing().managerId()).isNull();
        assertThat(cleared.standing().tier()).isEqualTo("core");
        assertThatThrownBy(() -> records.clients(new ClientQuery(null, null, null, null, null, null, null, null, null, "password", 1, 10)))
                .isInstanceOf(InvalidRecordException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void updatesManyStandingsInOneCallLeavingOutTheGoneAndTheUnchanged(String kind) throws Exception {
        open(kind);
        Client a = records.createClient(company("Alpha"), ALICE);
        Client b = records.createClient(company("Beta"), ALICE);
        Client c = records.createClient(company("Gamma"), ALICE);
        records.updateStanding(c.id(), new Standing("core", "loyal", 7L, 80, 10), "scored", Principal.SYSTEM);
        Client gone = records.createClient(company("Gone Ltd"), ALICE);
        records.merge(a.id(), gone.id(), ALICE);
        db.clearEvents();

        java.util.Map<Long, Standing> standings = new java.util.LinkedHashMap<>();
        standings.put(a.id(), new Standing("key", "new", null, 91, 5));
        standings.put(b.id(), new Standing(null, "prospect", null, null, 60));
        standings.put(c.id(), new Standing("core", "loyal", null, 80, 10)); // unchanged
        standings.put(gone.id(), new Standing("key", "new", null, 10, 10)); // merged away
        standings.put(987654L, new Standing("key", "new", null, 10, 10)); // never existed

        assertThat(records.updateStandings(standings, "scoring", Principal.SYSTEM)).isEqualTo(2);

        assertThat(records.client(a.id()).orElseThrow().standing()).isEqualTo(new Standing("key", "new", null, 91, 5));
        assertThat(records.client(b.id()).orElseThrow().standing()).isEqualTo(new Standing(null, "prospect", null, null, 60));
        assertThat(records.client(c.id()).orElseThrow().standing()).isEqualTo(new Standing("core", "loyal", 7L, 80, 10));
        assertThat(db.events()).extracting(TestDb.Emitted::topic).containsExactly(RecordsEvents.STANDING_CHANGED,
                RecordsEvents.STANDING_CHANGED);
        assertThat(db.events()).extracting(e -> e.properties().get(RecordsEvents.CLIENT_ID)).containsExactly(a.id(), b.id());
        assertThat(records.history(a.id(), 1, 50).items()).filteredOn(h -> "scoring".equals(h.reason()))
                .extracting(FieldChange::field).containsExactlyInAnyOrder("tier", "stage");
        assertThat(records.updateStandings(java.util.Map.of(), "scoring", Principal.SYSTEM)).isZero();
        java.util.Map<Long, Standing> tooMany = new java.util.HashMap<>();
        for (long id = 1; id <= 1001; id++) {
            tooMany.put(id, new Standing("key", null, null, null, null));
        }
        assertThatThrownBy(() -> records.updateStandings(tooMany, "scoring", Principal.SYSTEM)).isInstanceOf(InvalidRecordException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void timelineTransactionsAndTasks(String kind) throws Exception {
        open(kind);
        Client client = records.createClient(company("Delta"), ALICE);
        Contact contact = records.addContact(client.id(), new ContactInput("Dana", null, null, null, null, "en", null), ALICE);
        records.addInteraction(client.id(), new InteractionInput(contact.id(), "phone", "outbound", null, "Quarterly call", null, 7L,
                "Alice", Instant.parse("2026-10-01T02:00:00Z")), ALICE);
        records.addInteraction(client.id(), new InteractionInput(null, "email", "inbound", "complaint", "Statement late", "conv:1",
                null, null, null), ALICE);
        assertThat(records.interactions(client.id(), 1, 10).items()).extracting(i -> i.summary())
                .containsExactly("Statement late", "Quarterly call");
        assertThatThrownBy(() -> records.addTransaction(client.id(), new TransactionInput(LocalDate.of(2027, 1, 1), BigDecimal.ONE,
                "cny", null, null), ALICE)).isInstanceOf(InvalidRecordException.class);
        assertThat(records.addTransaction(client.id(), new TransactionInput(LocalDate.of(2026, 11, 2), new BigDecimal("99.999"),
                "usd", "FX", "T-1"), ALICE).currency()).isEqualTo("USD");

        FollowUp overdue = records.addTask(client.id(), new FollowUpInput(null, "Send fee schedule", LocalDate.of(2026, 11, 1), 7L,
                null), ALICE);
        records.addTask(client.id(), new FollowUpInput(null, "Visit", LocalDate.of(2026, 12, 10), 8L, null), ALICE);
        assertThat(records.openTasks(7L, true, 10)).extracting(FollowUp::id).containsExactly(overdue.id());
        FollowUp done = records.updateTask(overdue.id(), new FollowUpInput(null, "Send fee schedule", LocalDate.of(2026, 11, 1), 7L,
                "done"), ALICE);
        assertThat(done.doneAt()).isEqualTo(CLOCK.instant());
        assertThat(records.openTasks(null, true, 10)).isEmpty();
        assertThat(records.tasks(client.id())).extracting(FollowUp::status).containsExactly("open", "done");
        assertThatThrownBy(() -> records.addTask(client.id(), new FollowUpInput(999L, "x", LocalDate.of(2026, 12, 1), null, null),
                ALICE)).isInstanceOf(InvalidRecordException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void summarisesActivityInRollingWindows(String kind) throws Exception {
        open(kind);
        Client client = records.createClient(company("Epsilon"), ALICE);
        Client quiet = records.createClient(company("Quiet"), ALICE);
        LocalDate today = LocalDate.of(2026, 11, 23);
        for (int days : new int[] {10, 50, 100, 200, 400, 800}) {
            records.addTransaction(client.id(), new TransactionInput(today.minusDays(days), new BigDecimal("100"), days == 50 ? "USD" : null,
                    days == 10 ? "fx" : "payroll", null), ALICE);
        }
        records.addInteraction(client.id(), new InteractionInput(null, "email", "inbound", "complaint", "Late statement", null, null, null,
                Instant.parse("2026-11-20T01:00:00Z")), ALICE);
        records.addInteraction(client.id(), new InteractionInput(null, "phone", "inbound", "complaint", "Fees", null, null, null,
                Instant.parse("2026-03-01T01:00:00Z")), ALICE);

        var activity = records.activity(List.of(client.id(), quiet.id(), 999_999L), today);

        assertThat(activity).containsOnlyKeys(client.id(), quiet.id());
        var a = activity.get(client.id());
        assertThat(a.firstTransactionOn()).isEqualTo(today.minusDays(800));
        assertThat(a.lastTransactionOn()).isEqualTo(today.minusDays(10));
        assertThat(a.lastInteractionOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(a.txCount12m()).isEqualTo(4);
        assertThat(a.txCountPrev12m()).isEqualTo(1);
        assertThat(a.txCount90d()).isEqualTo(2);
        assertThat(a.txCountPrev90d()).isEqualTo(1);
        assertThat(a.volume12m().get("CNY")).isEqualByComparingTo("300");
        assertThat(a.volume12m().get("USD")).isEqualByComparingTo("100");
        assertThat(a.volumePrev12m().get("CNY")).isEqualByComparingTo("100");
        assertThat(a.complaints90d()).isEqualTo(1);
        assertThat(a.complaints365d()).isEqualTo(2);
        assertThat(a.products()).containsExactlyInAnyOrder("fx", "payroll");
        assertThat(activity.get(quiet.id()).txCount12m()).isZero();
        assertThat(records.clientIds(0, 10)).containsExactly(client.id(), quiet.id());
        assertThat(records.clientIds(client.id(), 10)).containsExactly(quiet.id());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void readsClientsContactsAndInteractionsInBulk(String kind) throws Exception {
        open(kind);
        Client a = records.createClient(company("Bulk A Ltd"), ALICE);
        Client b = records.createClient(company("Bulk B Ltd"), ALICE);
        Client merged = records.createClient(company("Bulk B Limited"), ALICE);
        records.merge(b.id(), merged.id(), ALICE);
        Contact ca = records.addContact(a.id(), new ContactInput("Ann", null, List.of("ann@bulk.example.com"), List.of(), null, null, null),
                ALICE);
        Contact cb = records.addContact(b.id(), new ContactInput("Ben", null, List.of(), List.of("+44 20 7946 0001"), null, null, null),
                ALICE);
        var first = records.addInteraction(a.id(), new InteractionInput(null, "email", "inbound", null, "Fees?", null, null, null, null),
                ALICE);
        var second = records.addInteraction(b.id(), new InteractionInput(null, "sms", "inbound", null, "退订", null, null, null, null),
                ALICE);

        assertThat(records.clients(List.of(b.id(), a.id(), merged.id(), 999_999L))).extracting(Client::id).containsExactly(a.id(), b.id());
        assertThat(records.contactsOf(List.of(a.id(), b.id()))).extracting(Contact::id).containsExactly(ca.id(), cb.id());
        assertThat(records.interactionsAfter(0, 10)).extracting(i -> i.id()).containsExactly(first.id(), second.id());
        assertThat(records.interactionsAfter(first.id(), 10)).extracting(i -> i.summary()).containsExactly("退订");
        assertThat(records.clients(List.of())).isEmpty();
        assertThatThrownBy(() -> records.clients(java.util.stream.LongStream.rangeClosed(1, 1001).boxed().toList()))
                .isInstanceOf(InvalidRecordException.class);
    }
}

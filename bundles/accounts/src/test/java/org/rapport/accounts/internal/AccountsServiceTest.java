package org.rapport.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.event.Event;
import org.rapport.accounts.AccountChange;
import org.rapport.accounts.AccountEvents;
import org.rapport.accounts.ClientAccount;
import org.rapport.accounts.ManagerProfile;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.InteractionInput;
import org.rapport.records.InvalidRecordException;
import org.rapport.records.Records;
import org.rapport.records.RecordsEvents;
import org.rapport.records.TransactionInput;
import org.rapport.records.internal.RecordsService;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.store.SchemaReady;
import org.rapport.testing.FakeStaff;
import org.rapport.testing.TestDb;

/** Account management over the real records service and schema, on H2 and PostgreSQL. */
class AccountsServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Principal ADMIN = new Principal(1, "admin", "Admin", Set.of(Role.ADMIN), Principal.Kind.SESSION, null, Set.of());

    private TestDb db;
    private Records records;
    private FakeStaff staff;
    private AccountsService accounts;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private void open(String kind, Map<String, Object> config) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__records.sql", "db/migration/V1__accounts.sql");
        records = new RecordsService(db.store(), schema());
        staff = new FakeStaff();
        staff.add(1, "admin", Role.ADMIN);
        staff.add(11, "senior", Role.MANAGER);
        staff.add(12, "junior", Role.MANAGER);
        staff.add(13, "agent", Role.AGENT);
        accounts = new AccountsService(db.store(), records, staff, AccountSettings.of(ConfigDefaults.with(config)), CLOCK, false);
    }

    private static SchemaReady schema() {
        return new SchemaReady() {
            @Override
            public String bundle() {
                return "org.rapport.records";
            }

            @Override
            public String schemaVersion() {
                return "1";
            }
        };
    }

    @AfterEach
    void close() throws Exception {
        if (accounts != null) {
            accounts.deactivate();
        }
        if (db != null) {
            db.close();
        }
    }

    private Client client(String name, String revenue, int transactions, int daysSinceLast) {
        Client c = records.createClient(new ClientInput(name, null, "manufacturing", "shanghai", new BigDecimal(revenue), 500, null, null), ADMIN);
        for (int i = 0; i < transactions; i++) {
            records.addTransaction(c.id(), new TransactionInput(TODAY.minusDays(daysSinceLast + i * 15L), new BigDecimal("2500000"), null,
                    "cash-management", null), ADMIN);
        }
        return c;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void scoresWriteTierStageAndRiskToTheClientWithReasons(String kind) throws Exception {
        open(kind, Map.of());
        Client big = client("Big Steel", "5000000000", 24, 3);
        Client quiet = client("Quiet Trading", "3000000", 4, 200);
        Client prospect = client("Maybe Ltd", "1000000", 0, 0);

        ClientAccount bigAccount = accounts.recompute(big.id());
        ClientAccount quietAccount = accounts.recompute(quiet.id());
        ClientAccount prospectAccount = accounts.recompute(prospect.id());

        assertThat(bigAccount.valueScore()).isGreaterThan(quietAccount.valueScore());
        assertThat(bigAccount.tier()).isIn("core", "key");
        assertThat(bigAccount.valueReasons()).isNotEmpty();
        assertThat(quietAccount.churnRisk()).isGreaterThan(bigAccount.churnRisk());
        assertThat(quietAccount.churnReasons()).isNotEmpty();
        assertThat(quietAccount.stage()).isIn("at_risk", "churned");
        assertThat(prospectAccount.stage()).isEqualTo("prospect");
        assertThat(records.client(big.id()).orElseThrow().standing().tier()).isEqualTo(bigAccount.tier());
        assertThat(records.client(quiet.id()).orElseThrow().standing().churnRisk()).isEqualTo(quietAccount.churnRisk());
        assertThat(accounts.changes(big.id(), 10)).extracting(AccountChange::kind).contains("tier", "stage");
        assertThat(accounts.recomputeAll()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aBatchScoresEachClientAsScoringItAloneWould(String kind) throws Exception {
        open(kind, Map.of("churnAlertThreshold", 30));
        List<Client> clients = List.of(client("Big Steel", "5000000000", 24, 3), client("Quiet Trading", "3000000", 4, 200),
                client("Maybe Ltd", "1000000", 0, 0), client("Fading Co", "20000000", 6, 150), client("Steady Co", "90000000", 10, 20));
        Client overridden = clients.get(2);
        accounts.overrideTier(overridden.id(), "core", "strategic partner of the bank", null, ADMIN); // scores it
        db.clearEvents();

        assertThat(accounts.recomputeAll()).isEqualTo(5); // one batch
        List<ClientAccount> batched = clients.stream().map(c -> accounts.account(c.id())).toList();
        List<Long> tierEvents = db.events().stream().filter(e -> e.topic().equals(AccountEvents.TIER_CHANGED))
                .map(e -> ((Number) e.properties().get(RecordsEvents.CLIENT_ID)).longValue()).toList();
        long alerts = db.events().stream().filter(e -> e.topic().equals(AccountEvents.CHURN_ALERT)).count();

        assertThat(clients).allSatisfy(c -> {
            ClientAccount alone = accounts.recompute(c.id());
            ClientAccount inBatch = batched.get(clients.indexOf(c));
            assertThat(inBatch.tier()).isEqualTo(alone.tier());
            assertThat(inBatch.stage()).isEqualTo(alone.stage());
            assertThat(inBatch.valueScore()).isEqualTo(alone.valueScore());
            assertThat(inBatch.churnRisk()).isEqualTo(alone.churnRisk());
            assertThat(records.client(c.id()).orElseThrow().standing().tier()).isEqualTo(inBatch.tier());
            assertThat(accounts.changes(c.id(), 20)).filteredOn(ch -> ch.kind().equals("tier")).hasSize(1);
        });
        assertThat(batched.get(2).tier()).isEqualTo("core");
        List<Client> scoredFirstInBatch = clients.stream().filter(c -> c != overridden).toList();
        assertThat(tierEvents).containsExactlyInAnyOrderElementsOf(scoredFirstInBatch.stream().map(Client::id).toList());
        assertThat(alerts).isPositive().isEqualTo(scoredFirstInBatch.stream()
                .filter(c -> batched.get(clients.indexOf(c)).churnRisk() >= 30).count());
        // scoring again changes nothing: no moves, no events
        db.clearEvents();
        assertThat(accounts.recomputeAll()).isEqualTo(5);
        assertThat(db.events()).noneMatch(e -> e.topic().startsWith("org/rapport/accounts/"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void churnCrossingTheThresholdAlertsTheManagerOnce(String kind) throws Exception {
        open(kind, Map.of("churnAlertThreshold", 20));
        Client c = client("Fading Co", "20000000", 6, 150);
        records.addInteraction(c.id(), new InteractionInput(null, "email", "inbound", "complaint", "Fees too high", null, null, null,
                Instant.parse("2026-11-01T00:00:00Z")), ADMIN);
        accounts.reassign(c.id(), 11, "owner of the region", ADMIN);

        ClientAccount account = accounts.recompute(c.id());
        accounts.recompute(c.id());

        assertThat(account.churnRisk()).isGreaterThanOrEqualTo(20);
        assertThat(accounts.alerts(11, false, 10)).singleElement().satisfies(a -> {
            assertThat(a.clientId()).isEqualTo(c.id());
            assertThat(a.en()).contains("Fading Co").contains(Integer.toString(account.churnRisk()));
        });
        assertThat(db.events()).filteredOn(e -> e.topic().equals(AccountEvents.CHURN_ALERT)).hasSize(1);
        long alertId = accounts.alerts(11, false, 10).get(0).id();
        accounts.markRead(alertId, 11);
        assertThat(accounts.alerts(11, false, 10)).isEmpty();
        assertThatThrownBy(() -> accounts.markRead(alertId, 11)).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void assignmentRespectsCapacityAndRecordsEveryMove(String kind) throws Exception {
        open(kind, Map.of());
        accounts.saveManager(11, new ManagerProfile(true, 2, 3, Set.of("manufacturing"), Set.of()), ADMIN);
        accounts.saveManager(12, new ManagerProfile(true, 1, 1, Set.of(), Set.of()), ADMIN);
        List<Client> clients = List.of(client("A", "1000000", 0, 0), client("B", "1000000", 0, 0), client("C", "1000000", 0, 0),
                client("D", "1000000", 0, 0));

        List<Long> assigned = clients.stream().map(c -> accounts.assign(c.id(), Principal.SYSTEM).orElse(null)).toList();

        assertThat(assigned.stream().filter(java.util.Objects::nonNull)).hasSize(3);
        assertThat(assigned).containsOnlyOnce((Long) null);
        assertThat(accounts.manager(11).orElseThrow().load()).isEqualTo(2);
        assertThat(accounts.manager(12).orElseThrow().load()).isEqualTo(1);
        long waiting = clients.get(assigned.indexOf(null)).id();
        assertThatThrownBy(() -> accounts.reassign(waiting, 12, "", ADMIN)).isInstanceOf(InvalidRecordException.class)
                .satisfies(e -> assertThat(((InvalidRecordException) e).fields()).containsKey("reason"));
        assertThatThrownBy(() -> accounts.reassign(waiting, 12, "asked by the client", ADMIN)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("capacity");
        assertThatThrownBy(() -> accounts.reassign(waiting, 13, "agent", ADMIN)).isInstanceOf(InvalidRecordException.class);

        accounts.saveManager(12, new ManagerProfile(true, 5, 1, Set.of(), Set.of()), ADMIN);
        assertThat(records.client(waiting).orElseThrow().standing().managerId()).isEqualTo(12L);

        accounts.saveManager(11, new ManagerProfile(false, 2, 3, Set.of(), Set.of()), ADMIN);
        assertThat(accounts.manager(11).orElseThrow().load()).isZero();
        assertThat(accounts.manager(12).orElseThrow().load()).isEqualTo(4);
        assertThat(clients).allSatisfy(c -> assertThat(accounts.changes(c.id(), 10)).anySatisfy(ch -> assertThat(ch.kind()).isEqualTo("manager")));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void manualTierOverrideWinsUntilItIsCleared(String kind) throws Exception {
        open(kind, Map.of());
        Client c = client("Small Co", "1000000", 1, 10);
        String natural = accounts.recompute(c.id()).tier();

        ClientAccount overridden = accounts.overrideTier(c.id(), "core", "strategic partner of the bank", TODAY.plusDays(30), ADMIN);

        assertThat(overridden.tier()).isEqualTo("core");
        assertThat(overridden.override().reason()).isEqualTo("strategic partner of the bank");
        assertThat(records.client(c.id()).orElseThrow().standing().tier()).isEqualTo("core");
        assertThatThrownBy(() -> accounts.overrideTier(c.id(), "platinum", "", TODAY.minusDays(1), ADMIN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.fields()).containsOnlyKeys("tier", "reason", "expiresOn"));
        assertThat(accounts.clearOverride(c.id(), ADMIN).tier()).isEqualTo(natural);
        assertThat(accounts.changes(c.id(), 20)).extracting(AccountChange::kind).contains("override", "tier");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void overviewAndOverdueFollowUps(String kind) throws Exception {
        open(kind, Map.of());
        Client active = client("Busy", "80000000", 12, 5);
        records.addInteraction(active.id(), new InteractionInput(null, "visit", "outbound", null, "Quarterly visit", null, 11L, "Senior",
                Instant.parse("2026-11-10T02:00:00Z")), ADMIN);
        Client stale = client("Stale", "2000000", 2, 300);
        accounts.reassign(stale.id(), 12, "region", ADMIN);
        accounts.recomputeAll();

        Map<String, Object> overview = accounts.overview(null);

        assertThat(overview).containsKeys("tiers", "stages", "risk", "workload", "overdueFollowUps");
        assertThat((List<?>) overview.get("risk")).hasSize(5);
        assertThat(accounts.overdue(12L, 10)).extracting(m -> m.get("clientId")).contains(stale.id());
        assertThat(accounts.overdue(11L, 10)).isEmpty();
        assertThat(accounts.account(active.id()).overdueDays()).isZero();
    }

    // --- background work: an import's clients wait for its end; clients without a score are scored at start ---

    private void openWithBackground(String kind, Duration catchUpDelay) throws Exception {
        open(kind, Map.of());
        accounts = new AccountsService(db.store(), records, staff, AccountSettings.of(ConfigDefaults.with(Map.of())), CLOCK, catchUpDelay);
    }

    private boolean scored(long clientId) {
        return records.client(clientId).orElseThrow().standing().tier() != null;
    }

    private boolean awaitScored(Duration within, long... clientIds) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (java.util.Arrays.stream(clientIds).allMatch(this::scored)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static Event imported(String jobId, long... clientIds) {
        return new Event(RecordsEvents.CLIENTS_IMPORTED, Map.of(RecordsEvents.CLIENT_IDS, java.util.Arrays.stream(clientIds).boxed().toList(),
                RecordsEvents.COUNT, clientIds.length, RecordsEvents.ACTOR_ID, 1L, RecordsEvents.JOB_ID, jobId));
    }

    private static Event finished(String jobId) {
        return new Event(RecordsEvents.IMPORT_FINISHED, Map.of(RecordsEvents.JOB_ID, jobId, RecordsEvents.COUNT, 0L, RecordsEvents.ACTOR_ID, 1L));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importedClientsAreScoredOnlyOnceTheirImportHasFinished(String kind) throws Exception {
        openWithBackground(kind, Duration.ofHours(1));
        Client a = client("Imported A", "50000000", 2, 10);
        Client b = client("Imported B", "8000000", 0, 0);
        Client single = client("Entered By Hand", "9000000", 1, 5);

        accounts.handleEvent(imported("job-1", a.id()));
        accounts.handleEvent(imported("job-1", b.id()));
        accounts.handleEvent(new Event(RecordsEvents.CLIENT_CREATED, Map.of(RecordsEvents.CLIENT_ID, single.id(), RecordsEvents.ACTOR_ID, 1L)));

        // a client created by hand is scored at once, while the import's wait
        assertThat(awaitScored(Duration.ofSeconds(20), single.id())).isTrue();
        Thread.sleep(500);
        assertThat(scored(a.id())).isFalse();
        assertThat(scored(b.id())).isFalse();
        assertThat(accounts.heldForImports()).isEqualTo(2);

        accounts.handleEvent(finished("job-1"));

        assertThat(awaitScored(Duration.ofSeconds(20), a.id(), b.id())).isTrue();
        assertThat(accounts.heldForImports()).isZero();
        assertThat(records.client(a.id()).orElseThrow().standing().managerId()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aBatchArrivingAfterItsImportEndedIsScoredAtOnce(String kind) throws Exception {
        openWithBackground(kind, Duration.ofHours(1));
        Client late = client("Late Batch", "20000000", 1, 30);

        accounts.handleEvent(finished("job-2"));
        accounts.handleEvent(imported("job-2", late.id()));

        assertThat(awaitScored(Duration.ofSeconds(20), late.id())).isTrue();
        assertThat(accounts.heldForImports()).isZero();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theStartUpCatchUpLeavesARunningImportsClientsForItsEnd(String kind) throws Exception {
        Client imported;
        open(kind, Map.of());
        imported = client("Imported While Starting", "50000000", 2, 10);
        accounts = new AccountsService(db.store(), records, staff, AccountSettings.of(ConfigDefaults.with(Map.of())), CLOCK,
                Duration.ofMillis(300));
        accounts.handleEvent(imported("job-9", imported.id()));

        Thread.sleep(1500); // the catch-up has come and gone
        assertThat(scored(imported.id())).isFalse();

        accounts.handleEvent(finished("job-9"));
        assertThat(awaitScored(Duration.ofSeconds(20), imported.id())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void clientsWithoutAScoreAreScoredAtStart(String kind) throws Exception {
        open(kind, Map.of());
        Client done = client("Scored Before", "30000000", 3, 20);
        accounts.recompute(done.id());
        // an import cut off by a restart: stored, announced to no one, never scored
        Client left = client("Left Unscored", "40000000", 2, 40);
        Client other = client("Also Unscored", "1000000", 0, 0);
        assertThat(scored(left.id())).isFalse();

        AccountsService restarted = new AccountsService(db.store(), records, staff, AccountSettings.of(ConfigDefaults.with(Map.of())), CLOCK,
                Duration.ZERO);
        try {
            assertThat(awaitScored(Duration.ofSeconds(20), left.id(), other.id())).isTrue();
            assertThat(records.client(left.id()).orElseThrow().standing().managerId()).isNotNull();
            assertThat(restarted.scoreUnscored()).isZero();
        } finally {
            restarted.deactivate();
        }
    }
}

package org.rapport.compliance.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.compliance.internal.Fixture;
import org.rapport.security.AuditEvent;
import org.rapport.security.Principal;
import org.rapport.testing.TestDb;

/** The hash-chained audit log on H2 and PostgreSQL: concurrent appends, search, verification catching edits, erasure. */
class AuditLogTest {
    private TestDb db;
    private AuditLog log;
    private AuditTrail trail;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private void open(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__consent_and_gate.sql", "db/migration/V2__audit.sql");
        log = new AuditLog(db.store(), Fixture.schema("org.rapport.compliance"));
        trail = AuditTrail.create(db.store(), java.time.Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        if (log != null) {
            log.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    private static AuditEvent read(Principal who, String entity, List<String> ids, Long clientId, Long contactId, String request) {
        return new AuditEvent(Instant.now(), who, "read", entity, ids, List.of(), clientId, contactId, "console", "10.0.0.7", request, null);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void concurrentAppendsFormOneVerifiableChain(String kind) throws Exception {
        open(kind);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 60; i++) {
                    log.record(read(Fixture.AGENT, "client", List.of(Long.toString(thread * 1000L + i)), (long) thread * 1000 + i, null,
                            "GET /api/v1/clients/" + (thread * 1000 + i)));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(trail.count(AuditQuery.ALL)).isEqualTo(480);
        Verification ok = trail.verify();
        assertThat(ok.ok()).as(ok.toString()).isTrue();
        assertThat(ok.checked()).isEqualTo(480);
        List<Long> seqs = db.jdbi().withHandle(h -> h.createQuery("SELECT seq FROM cmp_audit ORDER BY seq").mapTo(Long.class).list());
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 480).boxed().toList());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anEditedOrDeletedEntryIsCaught(String kind) throws Exception {
        open(kind);
        for (int i = 1; i <= 10; i++) {
            log.record(read(Fixture.AGENT, "contact", List.of(Integer.toString(i)), 100L, (long) i, "GET /api/v1/contacts/" + i));
        }
        assertThat(trail.verify().ok()).isTrue();
        db.jdbi().useHandle(h -> h.execute("UPDATE cmp_audit SET actor_name = 'Somebody else' WHERE seq = 4"));
        Verification edited = trail.verify();
        assertThat(edited.ok()).isFalse();
        assertThat(edited.firstBroken()).isEqualTo(4);
        assertThat(edited.problem()).contains("altered");

        db.jdbi().useHandle(h -> h.execute("UPDATE cmp_audit SET actor_name = 'Agent' WHERE seq = 4"));
        assertThat(trail.verify().ok()).as("restored").isTrue();
        db.jdbi().useHandle(h -> h.execute("UPDATE cmp_audit SET request = 'GET /api/v1/contacts/99' WHERE seq = 6"));
        assertThat(trail.verify().firstBroken()).isEqualTo(6);
        db.jdbi().useHandle(h -> h.execute("UPDATE cmp_audit SET request = 'GET /api/v1/contacts/6' WHERE seq = 6"));
        db.jdbi().useHandle(h -> h.execute("DELETE FROM cmp_audit WHERE seq = 7"));
        Verification gap = trail.verify();
        assertThat(gap.firstBroken()).isEqualTo(7);
        assertThat(gap.problem()).contains("missing");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTruncatedTailIsCaught(String kind) throws Exception {
        open(kind);
        for (int i = 1; i <= 5; i++) {
            log.record(read(Fixture.AGENT, "client", List.of(Integer.toString(i)), (long) i, null, "GET /api/v1/clients/" + i));
        }
        db.jdbi().useHandle(h -> h.execute("DELETE FROM cmp_audit WHERE seq = 5"));
        assertThat(trail.verify().firstBroken()).isEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void searchByClientFindsListReadsAndErasureKeepsTheChain(String kind) throws Exception {
        open(kind);
        log.record(read(Fixture.AGENT, "client", List.of("1", "2", "3"), null, null, "GET /api/v1/clients?page=1"));
        log.record(read(Fixture.ADMIN, "contact", List.of("77"), 2L, 77L, "GET /api/v1/contacts?email=wang%40example.cn"));
        log.record(new AuditEvent(Instant.now(), Principal.SYSTEM, "read", "contact", List.of("77"), List.of("phones"), 2L, 77L, "system",
                null, "chatbot", "identify Wang Fang"));
        assertThat(trail.search(new AuditQuery(2L, null, null, null, null, null, null, null), 0, 50)).hasSize(3);
        assertThat(trail.search(new AuditQuery(3L, null, null, null, null, null, null, null), 0, 50)).hasSize(1);
        assertThat(trail.search(new AuditQuery(null, null, Fixture.ADMIN.userId(), null, null, null, null, null), 0, 50)).hasSize(1);
        assertThat(trail.search(new AuditQuery(null, null, null, null, "client", "2", null, null), 0, 50)).hasSize(1);

        long erased = db.jdbi().inTransaction(h -> trail.erasePersonal(h, 77));
        assertThat(erased).isEqualTo(2);
        String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(request, '') || COALESCE(reason, '') FROM cmp_audit "
                + "WHERE contact_id = 77").mapTo(String.class).list().toString());
        assertThat(stored).doesNotContain("wang").doesNotContain("Wang");
        assertThat(trail.verify().ok()).as("the chain holds after erasure").isTrue();
    }
}

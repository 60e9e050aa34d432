package org.rapport.compliance.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.internal.Configs;
import org.rapport.compliance.internal.Fixture;
import org.rapport.compliance.internal.audit.AuditLog;
import org.rapport.records.Contact;
import org.rapport.security.AuditEvent;
import org.rapport.security.Principal;
import org.rapport.testing.TestDb;

/** The monitoring rules fed by the real gate and audit log, raising alerts in the database, on H2 and PostgreSQL. */
class MonitorTest {
    private Fixture f;
    private AuditLog log;
    private Monitor monitor;
    private Alerts alerts;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @AfterEach
    void close() throws Exception {
        if (monitor != null) {
            monitor.stop();
        }
        if (f != null) {
            f.close();
        }
    }

    private void open(String kind) throws Exception {
        f = new Fixture(kind).withAllTables();
        alerts = Alerts.create(f.db.store(), f.clock);
        monitor = new Monitor(alerts, f.auditTrail(), Configs.with(MonitorConfig.class, Map.of("readBurst", "100/10m", "exportBurst", "2/1h",
                "bulkExportSize", 50)), f.clock, "");
        log = f.auditLog();
        log.addListener(monitor);
        f.gate.addListener(monitor);
    }

    private List<Alert> awaitAlerts(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Alert> list = alerts.list(null, null, 0, 100);
        while (list.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            list = alerts.list(null, null, 0, 100);
        }
        return list;
    }

    private static AuditEvent event(Instant at, String action, String entity, int ids) {
        return new AuditEvent(at, Fixture.AGENT, action, entity, java.util.stream.IntStream.range(0, ids).mapToObj(Integer::toString).toList(),
                List.of(), null, null, "console", "10.1.1.1", "GET /api/v1/clients", null);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sendsToOptedOutContactsAndCapHitsRaiseAlerts(String kind) throws Exception {
        open(kind);
        Contact c = f.contact("Lin Tao", "lin@example.cn", "13811112222", "Asia/Shanghai");
        f.consents.set(c.id(), "email", Purpose.MARKETING, false, "console", null, Fixture.AGENT);
        OutboundRequest send = new OutboundRequest(c.id(), "email", "lin@example.cn", Purpose.MARKETING, "offer", "org.rapport.campaigns", false, null);
        f.gate.check(send);
        f.gate.check(send);
        f.gate.dryRun(send, Fixture.ADMIN);
        List<Alert> raised = awaitAlerts(1);
        assertThat(raised).hasSize(1);
        Alert alert = raised.get(0);
        assertThat(alert.rule()).isEqualTo("opted_out_send");
        assertThat(alert.contactId()).isEqualTo(c.id());
        assertThat(alert.detail()).contains("org.rapport.campaigns").doesNotContain("lin@example.cn");
        Thread.sleep(300);
        assertThat(alerts.alert(alert.id()).orElseThrow().occurrences()).as("a repeat counts up; the dry run does not").isEqualTo(2);
        assertThat(alerts.acknowledge(alert.id(), Fixture.ADMIN)).isTrue();
        assertThat(alerts.acknowledge(alert.id(), Fixture.ADMIN)).isFalse();
        assertThat(alerts.resolve(alert.id(), "campaign audience fixed", Fixture.ADMIN)).isTrue();
        assertThat(alerts.alert(alert.id()).orElseThrow().status()).isEqualTo("resolved");
        f.gate.check(send);
        assertThat(awaitAlerts(2)).as("after resolution a new alert").hasSize(2);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void accessesRaiseAlerts(String kind) throws Exception {
        open(kind);
        Instant wednesdayNoon = Instant.parse("2026-11-25T04:00:00Z");
        log.record(event(wednesdayNoon, "read", "client", 60));
        log.record(event(wednesdayNoon.plusSeconds(60), "read", "client", 50));
        log.record(event(wednesdayNoon.plusSeconds(120), "export", "client", 0));
        log.record(event(wednesdayNoon.plusSeconds(180), "export", "client", 10));
        log.record(event(Instant.parse("2026-11-25T16:00:00Z"), "read", "contact", 1)); // midnight in Shanghai
        List<Alert> raised = awaitAlerts(5);
        assertThat(raised).extracting(Alert::rule).containsExactlyInAnyOrder("many_reads", "bulk_export", "many_exports", "after_hours");
        assertThat(raised).allMatch(a -> a.userId() != null && a.userId() == Fixture.AGENT.userId());
        log.record(new AuditEvent(Instant.parse("2026-11-28T16:00:00Z"), Principal.SYSTEM, "read", "contact", List.of("1"), List.of(), null, 1L,
                "system", null, "chatbot", null));
        Thread.sleep(300);
        assertThat(alerts.list(null, null, 0, 100)).as("the system's own reads raise nothing").hasSize(4);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aBrokenChainRaisesACriticalAlert(String kind) throws Exception {
        open(kind);
        log.record(event(Instant.parse("2026-11-25T04:00:00Z"), "read", "client", 1));
        log.record(event(Instant.parse("2026-11-25T04:01:00Z"), "read", "client", 1));
        assertThat(monitor.verifyChain().ok()).isTrue();
        f.db.jdbi().useHandle(h -> h.execute("UPDATE cmp_audit SET entity_ids = '2' WHERE seq = 1"));
        assertThat(monitor.verifyChain().ok()).isFalse();
        assertThat(awaitAlerts(1)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("chain_broken");
            assertThat(a.severity()).isEqualTo("critical");
        });
    }
}

package org.rapport.compliance.internal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.compliance.OutboundRequest;
import org.rapport.compliance.Purpose;
import org.rapport.compliance.RetentionAction;
import org.rapport.compliance.internal.Fixture;
import org.rapport.compliance.internal.audit.AuditLog;
import org.rapport.compliance.internal.audit.AuditTrail;
import org.rapport.compliance.internal.dsr.ComplianceDataProvider;
import org.rapport.compliance.internal.dsr.DataSubjects;
import org.rapport.compliance.internal.dsr.ExportFiles;
import org.rapport.compliance.internal.dsr.Providers;
import org.rapport.compliance.internal.dsr.RecordsDataProvider;
import org.rapport.records.Contact;
import org.rapport.records.InteractionInput;
import org.rapport.records.NoSuchRecordException;
import org.rapport.security.AuditEvent;
import org.rapport.testing.TestDb;

/** Data-subject export and erasure across the records and compliance providers, and retention runs, on H2 and PostgreSQL. */
class RetentionAndRequestsTest {
    private Fixture f;
    private AuditLog log;
    private RetentionService retention;
    private DataSubjects subjects;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    @AfterEach
    void close() throws Exception {
        if (retention != null) {
            retention.stop();
        }
        if (f != null) {
            f.close();
        }
    }

    private void open(String kind) throws Exception {
        f = new Fixture(kind).withAllTables();
        log = f.auditLog();
        AuditTrail trail = f.auditTrail();
        Providers providers = Providers.of(List.of(new RecordsDataProvider(f.records),
                new ComplianceDataProvider(f.db.store(), Fixture.schema("org.rapport.compliance"), f.consents, trail)));
        retention = RetentionService.create(f.db.store(), providers, f.clock, "");
        subjects = DataSubjects.create(f.db.store(), providers, f.records, f.clock);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void exportHoldsEveryProvidersDataAndErasureLeavesNothing(String kind) throws Exception {
        open(kind);
        Contact c = f.contact("Guo Mei", "guo.mei@example.cn", "13622223333", "Asia/Shanghai");
        f.records.addInteraction(c.clientId(), new InteractionInput(c.id(), "email", "inbound", "contact", "Guo Mei asked for a statement",
                null, null, null, null), Fixture.ADMIN);
        f.consents.set(c.id(), "email", Purpose.CARE, true, "web_form", "signed by Guo Mei", Fixture.AGENT);
        f.gate.check(new OutboundRequest(c.id(), "email", "guo.mei@example.cn", Purpose.CARE, "Hello", "t", false, null));
        log.record(new AuditEvent(Instant.now(), Fixture.AGENT, "unmask", "contact", List.of(Long.toString(c.id())), List.of("phones"),
                c.clientId(), c.id(), "console", "10.0.0.1", "POST /api/v1/contacts/" + c.id() + "/unmask", "calling Guo Mei back"));

        DataSubjects.Export export = subjects.export(c.id(), Fixture.ADMIN);
        Map<String, String> files = unzip(export);
        assertThat(files).containsKeys("manifest.json", "records/contact.json", "records/contact.csv", "records/interactions.csv",
                "compliance/consents.csv", "compliance/gate_decisions.json", "compliance/audit.json");
        assertThat(files.get("records/contact.json")).contains("guo.mei@example.cn").contains("+8613622223333");
        assertThat(files.get("compliance/consents.csv")).contains("web_form");
        assertThat(files.get("compliance/audit.json")).contains("unmask");

        DataSubjects.Report report = subjects.erase(c.id(), "DSR-17", Fixture.ADMIN);
        assertThat(report.complete()).isTrue();
        assertThat(report.providers()).extracting(DataSubjects.ProviderResult::provider).containsExactly("compliance", "records");
        for (String needle : List.of("Guo Mei", "guo.mei", "13622223333")) {
            assertThat(dump()).as(needle).doesNotContain(needle);
        }
        assertThat(subjects.requests(c.id(), null, null, 0, 10)).extracting(r -> r.kind()).containsExactly("erase", "export");
        assertThat(subjects.erase(c.id(), "DSR-17 again", Fixture.ADMIN).complete()).as("repeating an erasure is harmless").isTrue();
        assertThatThrownBy(() -> subjects.export(c.id(), Fixture.ADMIN)).isInstanceOf(NoSuchRecordException.class);
        assertThatThrownBy(() -> subjects.erase(777_777, "x", Fixture.ADMIN)).isInstanceOf(NoSuchRecordException.class);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void retentionRunsTheRulesAndReports(String kind) throws Exception {
        open(kind);
        Contact c = f.contact("Old Timer", "old@example.cn", null, null);
        f.records.addInteraction(c.clientId(), new InteractionInput(c.id(), "phone", "inbound", "contact", "call in 2019", null, null, null,
                Instant.parse("2019-03-01T02:00:00Z")), Fixture.ADMIN);
        f.records.addInteraction(c.clientId(), new InteractionInput(c.id(), "phone", "inbound", "contact", "call last week", null, null, null,
                f.clock.instant().minus(Duration.ofDays(7))), Fixture.ADMIN);
        f.clock.set(f.clock.instant().minus(Duration.ofDays(800)));
        f.gate.check(new OutboundRequest(c.id(), "email", null, Purpose.SERVICE, "old notice", "t", false, null));
        f.clock.set(Fixture.MORNING);

        assertThat(retention.rules()).extracting(RetentionRule::kind).containsExactly("gate_decisions", "interactions", "history");
        RetentionRun run = retention.runNow("test").orElseThrow();
        assertThat(run.ok()).isTrue();
        assertThat(run.affected()).isEqualTo(2);
        assertThat(run.report()).contains("\"kind\":\"interactions\"").contains("\"count\":1");
        assertThat(dump()).doesNotContain("call in 2019").contains("call last week");

        assertThatThrownBy(() -> retention.setRule("records", "interactions", 0, RetentionAction.DELETE, true, Fixture.ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> retention.setRule("records", "history", 10, RetentionAction.ANONYMISE, true, Fixture.ADMIN))
                .isInstanceOf(IllegalArgumentException.class);
        retention.setRule("records", "interactions", 3, RetentionAction.DELETE, true, Fixture.ADMIN);
        retention.setRule("records", "history", 365, RetentionAction.DELETE, false, Fixture.ADMIN);
        RetentionRule rule = retention.rules().stream().filter(r -> r.kind().equals("interactions")).findFirst().orElseThrow();
        assertThat(rule.custom()).isTrue();
        assertThat(rule.updatedBy()).isEqualTo("Admin");
        RetentionRun second = retention.runNow("test").orElseThrow();
        assertThat(second.report()).contains("\"skipped\":\"disabled\"");
        long left = f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM rec_interaction").mapTo(Long.class).one());
        assertThat(left).isZero();
        assertThat(retention.runs(10)).hasSize(2);
    }

    private String dump() {
        StringBuilder all = new StringBuilder();
        List<String> tables = f.db.jdbi().withHandle(h -> h.createQuery("SELECT table_name FROM information_schema.tables WHERE "
                + "LOWER(table_name) LIKE 'rec_%' OR LOWER(table_name) LIKE 'cmp_%'").mapTo(String.class).list());
        assertThat(tables).hasSizeGreaterThan(10);
        for (String table : tables) {
            f.db.jdbi().useHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> all.append(row.values()).append('\n')));
        }
        return all.toString();
    }

    private static Map<String, String> unzip(DataSubjects.Export export) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFiles.write(out, export);
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}

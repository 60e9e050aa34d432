package org.rapport.records.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.records.Client;
import org.rapport.records.ClientInput;
import org.rapport.records.ClientQuery;
import org.rapport.records.ContactInput;
import org.rapport.records.InvalidRecordException;
import org.rapport.records.RecordsEvents;
import org.rapport.records.RegistrationNumbers;
import org.rapport.records.internal.csv.ImportOptions;
import org.rapport.security.Principal;
import org.rapport.security.Role;
import org.rapport.testing.TestDb;

/** CSV import and export end to end against the real schema, on H2 and PostgreSQL. */
class ClientImporterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private static final Principal ADMIN = new Principal(1, "admin", "Admin", Set.of(Role.ADMIN), Principal.Kind.SESSION, null, Set.of());

    private TestDb db;
    private RecordsService records;
    private ClientImporter importer;

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private void open(String kind) throws Exception {
        db = TestDb.open(kind).migrate("db/migration/V1__records.sql", "db/migration/V2__contact_point_lookup.sql");
        records = new RecordsService(db.store(), CLOCK);
        importer = new ClientImporter(db.store(), CLOCK);
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private FakeJob run(String csv, Charset charset, DuplicatePolicy policy) throws Exception {
        FakeJob job = new FakeJob();
        byte[] bytes = csv.getBytes(charset);
        importer.run(new ByteArrayInputStream(bytes), ImportOptions.defaults(), policy, 1, job, () -> bytes.length);
        return job;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importsGoodRowsAndReportsBadOnesByLine(String kind) throws Exception {
        open(kind);
        String code = RegistrationNumbers.complete("91310000MA1FL0001");
        String csv = "公司名称,统一社会信用代码,行业,地区,年收入,员工人数,联系人,邮箱,手机\n"
                + "上海恒瑞精密机械有限公司," + code + ",manufacturing,shanghai,1.2亿,340,王芳,wang@hengrui.example.cn,13812345678\n"
                + ",,retail,beijing,,,,,\n"
                + "北京远景科技有限公司,,technology,beijing,abc,12,李雷,li@yj.example.cn,\n"
                + "\"=cmd|' /C calc'!A0\",,trading,guangzhou,,,,,\n"
                + "Northwind Logistics Ltd,,logistics,hong-kong,\"2,500,000\",80,Anna Lee,anna@northwind.example.com,+852 9123 4567\n";

        FakeJob job = run(csv, Charset.forName("GBK"), DuplicatePolicy.MERGE);

        assertThat(job.count("imported")).isEqualTo(3);
        assertThat(job.count("rejected")).isEqualTo(2);
        assertThat(job.errors).anySatisfy(e -> {
            assertThat(e.item()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("name");
        });
        assertThat(job.errors).anySatisfy(e -> {
            assertThat(e.item()).isEqualTo(4);
            assertThat(e.field()).isEqualTo("annualRevenue");
        });
        assertThat(job.errors).anySatisfy(e -> assertThat(e.message()).startsWith("warning").containsIgnoringCase("formula"));
        Client hengrui = records.clients(new ClientQuery("恒瑞", null, null, null, null, null, null, null, null, null, 1, 5)).items().get(0);
        assertThat(hengrui.annualRevenue()).isEqualByComparingTo("120000000");
        assertThat(hengrui.registrationNo()).isEqualTo(code);
        assertThat(records.contacts(hengrui.id())).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("王芳");
            assertThat(c.language()).isEqualTo("zh");
            assertThat(c.phones()).containsExactly("+8613812345678");
        });
        assertThat(records.contactsByEmail("anna@northwind.example.com")).hasSize(1);
        assertThat(db.events()).filteredOn(e -> e.topic().equals(RecordsEvents.CLIENTS_IMPORTED))
                .singleElement().satisfies(e -> assertThat((List<?>) e.properties().get(RecordsEvents.CLIENT_IDS)).hasSize(3));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void duplicatesAreMergedSkippedOrCreated(String kind) throws Exception {
        open(kind);
        Client existing = records.createClient(new ClientInput("Acme Co., Ltd.", null, null, null, null, null, List.of("a"), null), ADMIN);
        records.addContact(existing.id(), new ContactInput("Bob", null, List.of("bob@acme.example.com"), null, null, null, null), ADMIN);
        String csv = "company,industry,tags,contact,email\n"
                + "ACME Limited,trading,b,Carol,carol@acme.example.com\n"
                + "Other Name,retail,,Bob,bob@acme.example.com\n"
                + "Fresh Co,retail,,Dan,dan@fresh.example.com\n"
                + "Fresh Company,retail,,Eve,eve@fresh.example.com\n";

        FakeJob skip = run(csv, StandardCharsets.UTF_8, DuplicatePolicy.SKIP);
        assertThat(skip.count("imported")).isEqualTo(1);
        assertThat(skip.count("duplicates")).isEqualTo(3);
        assertThat(records.clients(ClientQuery.all(1, 10)).total()).isEqualTo(2);

        FakeJob merge = run(csv, StandardCharsets.UTF_8, DuplicatePolicy.MERGE);
        assertThat(merge.count("imported")).isZero();
        Client merged = records.client(existing.id()).orElseThrow();
        assertThat(merged.industry()).isEqualTo("trading");
        assertThat(merged.tags()).containsExactly("a", "b");
        assertThat(records.contacts(existing.id())).extracting(c -> c.name()).containsExactly("Bob", "Carol");
        assertThat(records.history(existing.id(), 1, 20).items()).anySatisfy(c -> assertThat(c.reason()).isEqualTo("import"));
        assertThat(records.clients(ClientQuery.all(1, 10)).total()).isEqualTo(2);

        FakeJob create = run("company\nAcme Ltd\n", StandardCharsets.UTF_8, DuplicatePolicy.CREATE);
        assertThat(create.count("imported")).isEqualTo(1);
        assertThat(create.count("duplicates")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aFileWithoutANameColumnImportsNothing(String kind) throws Exception {
        open(kind);
        assertThatThrownBy(() -> run("industry,region\nretail,beijing\n", StandardCharsets.UTF_8, DuplicatePolicy.MERGE))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(records.clients(ClientQuery.all(1, 10)).total()).isZero();
        assertThat(db.events()).filteredOn(e -> e.topic().equals(RecordsEvents.IMPORT_FINISHED)).singleElement()
                .satisfies(e -> assertThat(((Number) e.properties().get(RecordsEvents.COUNT)).longValue()).isZero());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theEndOfAnImportIsAnnouncedAfterItsBatchesWithTheJobId(String kind) throws Exception {
        open(kind);
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < ClientImporter.BATCH + 5; i++) {
            csv.append("Company ").append(i).append(",c").append(i).append("@example.com\n");
        }

        run(csv.toString(), StandardCharsets.UTF_8, DuplicatePolicy.MERGE);

        List<TestDb.Emitted> events = db.events().stream().filter(e -> e.topic().startsWith(RecordsEvents.PREFIX)).toList();
        assertThat(events).extracting(TestDb.Emitted::topic).containsExactly(RecordsEvents.CLIENTS_IMPORTED,
                RecordsEvents.CLIENTS_IMPORTED, RecordsEvents.IMPORT_FINISHED);
        assertThat(events).allSatisfy(e -> assertThat(e.properties()).containsEntry(RecordsEvents.JOB_ID, "test"));
        assertThat(((Number) events.get(2).properties().get(RecordsEvents.COUNT)).longValue()).isEqualTo(ClientImporter.BATCH + 5);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importsManyRowsInBatchesAndExportsThemBack(String kind) throws Exception {
        open(kind);
        StringBuilder csv = new StringBuilder("name,email,phone,region\n");
        int n = ClientImporter.BATCH * 2 + 17;
        for (int i = 0; i < n; i++) {
            csv.append("Company ").append(i).append(",c").append(i).append("@x.example.com,+8613").append(String.format("%09d", i))
                    .append(",shanghai\n");
        }
        FakeJob job = run(csv.toString(), StandardCharsets.UTF_8, DuplicatePolicy.MERGE);
        assertThat(job.count("imported")).isEqualTo(n);
        assertThat(job.count("contacts")).isEqualTo(n);
        records.createClient(new ClientInput("=HYPERLINK(\"http://evil\")", null, null, null, null, null, null, null), ADMIN);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = new ClientExporter(db.store()).write(ClientQuery.all(1, 1), out, true, false);

        assertThat(written).isEqualTo(n + 1);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF客户编号,公司名称");
        assertThat(text).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
        FakeJob again = run(text, StandardCharsets.UTF_8, DuplicatePolicy.SKIP);
        assertThat(again.count("imported")).isZero();
        assertThat(again.count("duplicates")).isEqualTo(n + 1);
    }
}

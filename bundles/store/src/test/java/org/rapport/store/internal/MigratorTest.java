package org.rapport.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.store.MigrationStatus.BundleMigration;
import org.rapport.store.MigrationStatus.State;

/** Migrations on a real H2 and a real PostgreSQL. */
class MigratorTest {

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private static final MigrationScript CREATE = MigrationScript.of("V1__create_items.sql",
            "CREATE TABLE ut_items (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);");
    private static final MigrationScript INSERT = MigrationScript.of("V2__seed_items.sql",
            "INSERT INTO ut_items (id, name) VALUES (1, 'first');");

    @Test
    void historyTableIsPerBundleAndSafe() {
        assertThat(Migrator.historyTable("org.rapport.records")).isEqualTo("flyway_org_rapport_records");
        assertThat(Migrator.historyTable("Org.Rapport-Sms.Adapter")).isEqualTo("flyway_org_rapport_sms_adapter");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void appliesScriptsOnceAndIsIdempotent(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Migrator migrator = new Migrator(db.dataSource);
            String table = Migrator.historyTable("org.example.a");

            BundleMigration first = migrator.migrate("org.example.a", table, "db", List.of(CREATE, INSERT));
            assertThat(first.state()).as(first.message()).isEqualTo(State.OK);
            assertThat(first.version()).isEqualTo("2");
            assertThat(first.message()).isEqualTo("2 script(s) applied");

            BundleMigration again = migrator.migrate("org.example.a", table, "db", List.of(CREATE, INSERT));
            assertThat(again.state()).isEqualTo(State.OK);
            assertThat(again.version()).isEqualTo("2");
            assertThat(again.message()).isEqualTo("0 script(s) applied");

            assertThat(count(db, "SELECT COUNT(*) FROM ut_items")).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM \"" + table + "\" WHERE \"success\" = TRUE AND \"type\" = 'SQL'"))
                    .isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void keepsOneHistoryTablePerBundle(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Migrator migrator = new Migrator(db.dataSource);
            MigrationScript aScript = MigrationScript.of("V1__a.sql", "CREATE TABLE ut_a (id INT);");
            MigrationScript bScript = MigrationScript.of("V1__b.sql", "CREATE TABLE ut_b (id INT);");
            MigrationScript bScript2 = MigrationScript.of("V2__b.sql", "CREATE TABLE ut_b2 (id INT);");

            BundleMigration a = migrator.migrate("org.example.a", Migrator.historyTable("org.example.a"),
                    "a", List.of(aScript));
            // b arrives in a schema that already holds a's tables and history
            BundleMigration b = migrator.migrate("org.example.b", Migrator.historyTable("org.example.b"),
                    "b", List.of(bScript, bScript2));

            assertThat(a.state()).as(a.message()).isEqualTo(State.OK);
            assertThat(a.version()).isEqualTo("1");
            assertThat(b.state()).as(b.message()).isEqualTo(State.OK);
            assertThat(b.version()).isEqualTo("2");
            assertThat(db.tableExists("ut_a")).isTrue();
            assertThat(db.tableExists("ut_b")).isTrue();
            assertThat(db.tableExists("ut_b2")).isTrue();
            assertThat(db.tableExists("flyway_org_example_a")).isTrue();
            assertThat(db.tableExists("flyway_org_example_b")).isTrue();
            assertThat(scripts(db, "flyway_org_example_a")).containsExactly("V1__a.sql");
            assertThat(scripts(db, "flyway_org_example_b")).contains("V1__b.sql", "V2__b.sql")
                    .doesNotContain("V1__a.sql");

            // a's rerun does not see b's scripts, and vice versa
            assertThat(migrator.migrate("org.example.a", Migrator.historyTable("org.example.a"), "a",
                    List.of(aScript)).message()).isEqualTo("0 script(s) applied");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void brokenScriptIsReportedAndEarlierVersionStays(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Migrator migrator = new Migrator(db.dataSource);
            String table = Migrator.historyTable("org.example.c");
            assertThat(migrator.migrate("org.example.c", table, "c", List.of(CREATE)).state())
                    .isEqualTo(State.OK);

            MigrationScript broken = MigrationScript.of("V2__broken.sql",
                    "CREATE TABLE oops (id INT NOT NULL,);");
            BundleMigration failed = migrator.migrate("org.example.c", table, "c", List.of(CREATE, broken));

            assertThat(failed.state()).isEqualTo(State.FAILED);
            assertThat(failed.message()).contains("V2__broken.sql");
            assertThat(failed.version()).isEqualTo("1");
            assertThat(db.tableExists("ut_items")).isTrue();
            assertThat(db.tableExists("oops")).isFalse();
            assertThat(scripts(db, table)).containsExactly("V1__create_items.sql");

            // the same broken script fails again, reported the same way
            BundleMigration again = migrator.migrate("org.example.c", table, "c", List.of(CREATE, broken));
            assertThat(again.state()).isEqualTo(State.FAILED);
            assertThat(again.message()).contains("V2__broken.sql");

            // a corrected script is applied on the next run
            MigrationScript fixed = MigrationScript.of("V2__broken.sql",
                    "CREATE TABLE oops (id INT NOT NULL);");
            BundleMigration retried = migrator.migrate("org.example.c", table, "c", List.of(CREATE, fixed));
            assertThat(retried.state()).as(retried.message()).isEqualTo(State.OK);
            assertThat(retried.version()).isEqualTo("2");
            assertThat(db.tableExists("oops")).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void nothingToDoWithoutScripts(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            BundleMigration none = new Migrator(db.dataSource).migrate("org.example.d",
                    Migrator.historyTable("org.example.d"), "d", List.of());
            assertThat(none.state()).isEqualTo(State.OK);
            assertThat(none.version()).isEmpty();
            assertThat(db.tableExists("flyway_org_example_d")).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void storeOwnScriptRuns(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            db.migrateStoreTables();
            assertThat(db.tableExists("store_event")).isTrue();
            db.migrateStoreTables(); // idempotent
        }
    }

    private static int count(TestDb db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static List<String> scripts(TestDb db, String table) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT \"script\" FROM \"" + table + "\" WHERE \"success\" = TRUE AND \"type\" = 'SQL' ORDER BY \"installed_rank\"")
                .mapTo(String.class).list());
    }
}

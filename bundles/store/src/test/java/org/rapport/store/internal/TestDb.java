package org.rapport.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.rapport.store.MigrationStatus.State;

/**
 * A throwaway database for one test: an H2 in-memory database, or a fresh database
 * {@code rapport_ut_<random>} on the local PostgreSQL (127.0.0.1:5432, user postgres) created
 * through the {@code postgres} database and dropped on close.
 */
final class TestDb implements AutoCloseable {

    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";
    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    final String kind;
    final DataSource dataSource;
    private final String name;

    private TestDb(String kind, String name, DataSource dataSource) {
        this.kind = kind;
        this.name = name;
        this.dataSource = dataSource;
    }

    /** The kinds every database test runs on. */
    static List<String> kinds() {
        return List.of(H2, POSTGRESQL);
    }

    static TestDb open(String kind) throws SQLException {
        String name = "rapport_ut_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (H2.equals(kind)) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            return new TestDb(kind, name, ds);
        }
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://127.0.0.1:5432/" + name);
        ds.setUser("postgres");
        return new TestDb(kind, name, ds);
    }

    Jdbi jdbi() {
        return Jdbi.create(dataSource);
    }

    /** Runs the store's own migration (the real V1__store_event.sql from the bundle). */
    void migrateStoreTables() {
        var outcome = new Migrator(dataSource).migrate("org.rapport.store",
                Migrator.historyTable("org.rapport.store"), "db/migration",
                List.of(MigrationScript.of("V1__store_event.sql", resource("db/migration/V1__store_event.sql"))));
        if (outcome.state() != State.OK) {
            throw new IllegalStateException("store migration failed: " + outcome.message());
        }
    }

    /** True if the table exists (case-insensitive: H2 upper-cases unquoted names). */
    boolean tableExists(String table) {
        return jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = :t")
                .bind("t", table.toLowerCase())
                .mapTo(Integer.class)
                .one()) > 0;
    }

    static String resource(String path) {
        try (InputStream in = TestDb.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (H2.equals(kind)) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            return;
        }
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return kind;
    }
}

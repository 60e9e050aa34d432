package org.rapport.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.rapport.store.Store;
import org.rapport.store.TransactionWork;
import org.rapport.store.Tx;

/**
 * A throwaway database with the security bundle's tables (its real migration script): H2 in
 * memory, or a fresh database on the local PostgreSQL (127.0.0.1:5432, user postgres), dropped
 * on close. {@link #store()} is a minimal {@link Store} over it.
 */
final class TestDb implements AutoCloseable {
    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";
    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String kind;
    private final String name;
    private final Jdbi jdbi;

    private TestDb(String kind, String name, Jdbi jdbi) {
        this.kind = kind;
        this.name = name;
        this.jdbi = jdbi;
    }

    static List<String> kinds() {
        return List.of(H2, POSTGRESQL);
    }

    static TestDb open(String kind) throws SQLException {
        String name = "rapport_sec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Jdbi jdbi;
        if (H2.equals(kind)) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            jdbi = Jdbi.create(ds);
        } else {
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL("jdbc:postgresql://127.0.0.1:5432/" + name);
            ds.setUser("postgres");
            jdbi = Jdbi.create(ds);
        }
        TestDb db = new TestDb(kind, name, jdbi);
        db.migrate();
        return db;
    }

    private void migrate() {
        for (String script : new String[] {"V1__security.sql", "V2__staff_email.sql"}) {
            migrate(script);
        }
    }

    private void migrate(String name) {
        String script;
        try (InputStream in = TestDb.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.trim().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        jdbi.useHandle(h -> {
            for (String statement : sql.toString().split(";")) {
                if (!statement.isBlank()) {
                    h.execute(statement);
                }
            }
        });
    }

    Store store() {
        return new Store() {
            @Override
            public Jdbi jdbi() {
                return jdbi;
            }

            @Override
            public <R, X extends Exception> R inTransaction(TransactionWork<R, X> work) throws X {
                return jdbi.inTransaction(h -> work.execute(tx(h)));
            }
        };
    }

    private static Tx tx(Handle handle) {
        return new Tx() {
            @Override
            public Handle handle() {
                return handle;
            }

            @Override
            public void afterCommit(Runnable action) {
                throw new UnsupportedOperationException("not used by the security bundle");
            }

            @Override
            public long emit(String topic, Map<String, Object> properties) {
                throw new UnsupportedOperationException("not used by the security bundle");
            }
        };
    }

    @Override
    public void close() throws SQLException {
        if (POSTGRESQL.equals(kind)) {
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } else {
            try {
                jdbi.useHandle(h -> h.execute("SHUTDOWN"));
            } catch (RuntimeException e) {
                // H2 reports the connection it just closed
            }
        }
    }
}

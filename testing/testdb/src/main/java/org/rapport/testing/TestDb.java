package org.rapport.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.rapport.store.TransactionWork;
import org.rapport.store.Tx;

/**
 * A throwaway database for unit tests: H2 in memory, or a fresh database on the local PostgreSQL
 * (127.0.0.1:5432, user postgres, trust auth) dropped on {@link #close()}. Bundles' real migration
 * scripts are applied with {@link #migrate(String...)}; {@link #store()} is a minimal
 * {@link Store} over it that records the events transactions emit ({@link #events()}).
 */
public final class TestDb implements AutoCloseable {
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";
    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    /** One event emitted by a committed transaction. */
    public record Emitted(long id, String topic, Map<String, Object> properties) {}

    private final String kind;
    private final String name;
    private final Jdbi jdbi;
    private final List<Emitted> events = new CopyOnWriteArrayList<>();
    private final Store store;
    private final HikariDataSource pool;

    private TestDb(String kind, String name, Jdbi jdbi, HikariDataSource pool) {
        this.pool = pool;
        this.kind = kind;
        this.name = name;
        this.jdbi = jdbi;
        this.store = new TestStore();
    }

    /** Both kinds, for {@code @ParameterizedTest @MethodSource}. */
    public static List<String> kinds() {
        return List.of(H2, POSTGRESQL);
    }

    /** Opens an empty database of {@code kind} ({@link #H2} or {@link #POSTGRESQL}). */
    public static TestDb open(String kind) throws SQLException {
        String name = "rapport_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Jdbi jdbi;
        if (H2.equals(kind)) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            jdbi = Jdbi.create(ds);
        } else if (POSTGRESQL.equals(kind)) {
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL("jdbc:postgresql://127.0.0.1:5432/" + name);
            ds.setUser("postgres");
            HikariConfig pool = new HikariConfig();
            pool.setDataSource(ds);
            pool.setMaximumPoolSize(4);
            pool.setPoolName(name);
            HikariDataSource pooled = new HikariDataSource(pool);
            jdbi = Jdbi.create(pooled);
            return new TestDb(kind, name, jdbi, pooled);
        } else {
            throw new IllegalArgumentException("Unknown database kind " + kind);
        }
        return new TestDb(kind, name, jdbi, null);
    }

    /** The kind, {@link #H2} or {@link #POSTGRESQL}. */
    public String kind() {
        return kind;
    }

    /**
     * Applies migration scripts found on the test class path, in the order given, e.g.
     * {@code migrate("db/migration/V1__records.sql")}. Statements are split on {@code ;} at line
     * ends; {@code --} comment lines are skipped.
     */
    /** A {@link SchemaReady} for {@code bundle}, as the store registers it, for constructing a service whose tables {@link #migrate} made. */
    public static SchemaReady schemaReady(String bundle) {
        return new SchemaReady() {
            @Override
            public String bundle() {
                return bundle;
            }

            @Override
            public String schemaVersion() {
                return "1";
            }
        };
    }

    public TestDb migrate(String... resources) {
        for (String resource : resources) {
            String script;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("No migration script " + resource + " on the class path");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            jdbi.useHandle(h -> statements(script).forEach(h::execute));
        }
        return this;
    }

    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().trim();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().trim());
        }
        return out;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A Store over this database; emitted events are recorded, after-commit actions run. */
    public Store store() {
        return store;
    }

    /** Events emitted by committed transactions, in order. */
    public List<Emitted> events() {
        return List.copyOf(events);
    }

    /** Forgets the recorded events. */
    public void clearEvents() {
        events.clear();
    }

    private final class TestStore implements Store {
        private long nextEventId = 1;

        @Override
        public Jdbi jdbi() {
            return jdbi;
        }

        @Override
        public <R, X extends Exception> R inTransaction(TransactionWork<R, X> work) throws X {
            List<Emitted> emitted = new ArrayList<>();
            List<Runnable> after = new ArrayList<>();
            R result = jdbi.inTransaction(h -> work.execute(new Tx() {
                @Override
                public Handle handle() {
                    return h;
                }

                @Override
                public void afterCommit(Runnable action) {
                    after.add(action);
                }

                @Override
                public long emit(String topic, Map<String, Object> properties) {
                    synchronized (TestStore.this) {
                        long id = nextEventId++;
                        emitted.add(new Emitted(id, topic, Map.copyOf(properties)));
                        return id;
                    }
                }
            }));
            events.addAll(emitted);
            after.forEach(Runnable::run);
            return result;
        }
    }

    @Override
    public void close() throws SQLException {
        if (POSTGRESQL.equals(kind)) {
            pool.close();
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                    Statement s = c.createStatement()) {
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

package org.rapport.itests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Throwaway databases on the test PostgreSQL (127.0.0.1:5432, user postgres, trust auth, or
 * {@code RAPPORT_TEST_PG_URL}): one per test class, dropped when the test JVM exits; databases
 * left by an earlier, killed run are dropped first.
 */
final class Postgres {

    static final String PREFIX = "rapport_it_";

    private Postgres() {
    }

    static String adminUrl() {
        return System.getenv().getOrDefault("RAPPORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    static String createThrowawayDatabase() {
        String name = PREFIX + ProcessHandle.current().pid() + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", ""); Statement s = c.createStatement()) {
            dropLeftovers(c);
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl() + " is needed for this test: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return adminUrl().substring(0, adminUrl().lastIndexOf('/') + 1) + name;
    }

    /** Drops databases of earlier runs whose JVM is gone. */
    private static void dropLeftovers(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            String[] parts = name.substring(PREFIX.length()).split("_");
            boolean alive = ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        }
    }

    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }
}

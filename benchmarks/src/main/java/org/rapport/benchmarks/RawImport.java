package org.rapport.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code import} baseline: the same rows inserted with plain JDBC batches into a fresh H2 file
 * database, into the product's own tables (its records migrations, read from the distribution's
 * records bundle) and the columns its import writes ({@code ImportBatchWriter}): per batch of
 * 1000 rows, the clients (ids returned), their contacts (ids returned), then the contacts'
 * e-mail and phone rows, and a commit. No parsing, validation or duplicate lookups.
 */
public final class RawImport {

    static final int BATCH = 1000;
    private static final Pattern MIGRATION = Pattern.compile("db/migration/V(\\d+)__[^/]*\\.sql");

    /** What the baseline did: rows, seconds, and the row counts found in the tables afterwards. */
    public record Outcome(long rows, double seconds, long clients, long contacts, long points) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private RawImport() {
    }

    /** The product's H2 URL for a database file at {@code file} (StoreSettings.defaultH2Url's options). */
    static String h2Url(Path file) {
        return "jdbc:h2:retry:" + file.toAbsolutePath().toString().replace('\\', '/') + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** The records bundle jar of the distribution. */
    static Path recordsBundle(Path dist) throws IOException {
        try (Stream<Path> files = Files.walk(dist.resolve("system"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("org.rapport.records-") && p.toString().endsWith(".jar"))
                    .findFirst().orElseThrow(() -> new IOException("no org.rapport.records bundle under " + dist.resolve("system")));
        }
    }

    /** The H2 jar version of the distribution (e.g. 2.5.252), or "" if none is found. */
    static String distributionH2Version(Path dist) throws IOException {
        try (Stream<Path> files = Files.walk(dist.resolve("system"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("h2-[0-9.]+\\.jar"))
                    .map(n -> n.substring(3, n.length() - 4)).findFirst().orElse("");
        }
    }

    /** Inserts rows 0..n-1 into a fresh database at {@code dir}; the schema comes from the records bundle's migrations. */
    public static Outcome run(Path dist, Path dir, long n) throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection(h2Url(dir.resolve("rapport")), "sa", "")) {
            createSchema(c, recordsBundle(dist));
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long start = System.nanoTime();
            try (PreparedStatement clients = c.prepareStatement("INSERT INTO rec_client (name, name_key, registration_no, industry, "
                    + "region, annual_revenue, employees, tags, status, client_since, created_by, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"ID"});
                    PreparedStatement contacts = c.prepareStatement("INSERT INTO rec_contact (client_id, name, title, preferred_channel, "
                            + "language, time_zone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"ID"});
                    PreparedStatement points = c.prepareStatement("INSERT INTO rec_contact_point (contact_id, client_id, kind, position, "
                            + "point_value, point_key) VALUES (?, ?, ?, ?, ?, ?)")) {
                List<ImportData.Row> batch = new ArrayList<>(BATCH);
                for (long i = 0; i < n; i++) {
                    batch.add(ImportData.row(i));
                    if (batch.size() == BATCH || i == n - 1) {
                        writeBatch(c, clients, contacts, points, batch, now);
                        batch.clear();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.setAutoCommit(true);
            return new Outcome(n, seconds, count(c, "rec_client"), count(c, "rec_contact"), count(c, "rec_contact_point"));
        }
    }

    private static void writeBatch(Connection c, PreparedStatement clients, PreparedStatement contacts, PreparedStatement points,
            List<ImportData.Row> rows, Timestamp now) throws SQLException {
        for (ImportData.Row r : rows) {
            clients.setString(1, r.name());
            clients.setString(2, r.nameKey());
            clients.setNull(3, Types.VARCHAR);
            clients.setString(4, r.industry());
            clients.setString(5, r.region());
            clients.setBigDecimal(6, r.revenue());
            clients.setInt(7, r.employees());
            clients.setString(8, "");
            clients.setString(9, "active");
            clients.setNull(10, Types.DATE);
            clients.setLong(11, 1);
            clients.setTimestamp(12, now);
            clients.setTimestamp(13, now);
            clients.addBatch();
        }
        clients.executeBatch();
        long[] clientIds = keys(clients, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportData.Row r = rows.get(i);
            contacts.setLong(1, clientIds[i]);
            contacts.setString(2, r.contactName());
            contacts.setString(3, r.title());
            contacts.setNull(4, Types.VARCHAR);
            contacts.setString(5, r.language());
            contacts.setString(6, r.timeZone());
            contacts.setTimestamp(7, now);
            contacts.setTimestamp(8, now);
            contacts.addBatch();
        }
        contacts.executeBatch();
        long[] contactIds = keys(contacts, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportData.Row r = rows.get(i);
            point(points, contactIds[i], clientIds[i], "email", r.email(), r.email());
            point(points, contactIds[i], clientIds[i], "phone", r.phone(), r.phone());
        }
        points.executeBatch();
        c.commit();
    }

    private static void point(PreparedStatement points, long contact, long client, String kind, String value, String key)
            throws SQLException {
        points.setLong(1, contact);
        points.setLong(2, client);
        points.setString(3, kind);
        points.setInt(4, 0);
        points.setString(5, value);
        points.setString(6, key);
        points.addBatch();
    }

    private static long[] keys(PreparedStatement statement, int expected) throws SQLException {
        long[] ids = new long[expected];
        int i = 0;
        try (ResultSet rs = statement.getGeneratedKeys()) {
            while (rs.next()) {
                ids[i++] = rs.getLong(1);
            }
        }
        if (i != expected) {
            throw new SQLException(i + " generated keys for a batch of " + expected);
        }
        return ids;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs the bundle's {@code db/migration/V<n>__*.sql} scripts in version order. */
    private static void createSchema(Connection c, Path bundle) throws IOException, SQLException {
        Map<Integer, String> scripts = new TreeMap<>();
        try (JarFile jar = new JarFile(bundle.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                Matcher m = MIGRATION.matcher(entry.getName());
                if (m.matches()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        scripts.put(Integer.parseInt(m.group(1)), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        if (scripts.isEmpty()) {
            throw new IOException("no db/migration scripts in " + bundle);
        }
        try (Statement s = c.createStatement()) {
            for (String script : scripts.values()) {
                for (String sql : statements(script)) {
                    s.execute(sql);
                }
            }
        }
    }

    /** The statements of a plain SQL script: "--" comments dropped, split at ";" ending a line. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}

package org.rapport.store.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.rapport.store.MigrationStatus.BundleMigration;
import org.rapport.store.MigrationStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one bundle's migration scripts with Flyway, keeping that bundle's history in its own
 * table, and turns the outcome into a {@link BundleMigration} (never throws for a bad script).
 */
public final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final DataSource dataSource;
    private final ClassLoader flywayLoader;

    /** A migrator using this bundle's class loader for Flyway and its plugins. */
    public Migrator(DataSource dataSource) {
        this(dataSource, Migrator.class.getClassLoader());
    }

    Migrator(DataSource dataSource, ClassLoader flywayLoader) {
        this.dataSource = dataSource;
        this.flywayLoader = flywayLoader;
    }

    /**
     * The Flyway history table of a bundle: {@code flyway_} plus the symbolic name, lower-cased,
     * with every character other than a letter or digit replaced by {@code _}.
     */
    public static String historyTable(String symbolicName) {
        return "flyway_" + symbolicName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /**
     * Applies the pending scripts among {@code scripts} for {@code bundle}.
     *
     * @param bundle the bundle symbolic name (for reporting)
     * @param table the history table
     * @param location where the scripts come from (for messages only)
     * @param scripts the scripts, named {@code V<n>__<description>.sql}
     * @return the outcome: OK with the new version, or FAILED with script and reason
     */
    public BundleMigration migrate(
            String bundle, String table, String location, List<MigrationScript> scripts) {
        if (scripts.isEmpty()) {
            return new BundleMigration(bundle, table, "", State.OK, "no scripts", Instant.now());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(flywayLoader);
        Flyway flyway = null;
        try {
            flyway =
                    Flyway.configure(flywayLoader)
                            .dataSource(dataSource)
                            .table(table)
                            .resourceProvider(new ScriptResourceProvider(location, scripts))
                            .javaMigrationClassProvider(List::of)
                            .skipDefaultCallbacks(true)
                            .validateMigrationNaming(true)
                            // the schema is shared by every bundle: a schema holding other bundles' tables
                            // but not yet this bundle's history gets an empty baseline 0, then V1.. apply
                            .baselineOnMigrate(true)
                            .baselineVersion("0")
                            .cleanDisabled(true)
                            .loggers("slf4j")
                            .load();
            repairFailedRuns(flyway);
            int applied = flyway.migrate().migrationsExecuted;
            String version = currentVersion(flyway);
            LOG.info("Schema of {} at version {} ({} script(s) applied)", bundle, version, applied);
            return new BundleMigration(
                    bundle, table, version, State.OK, applied + " script(s) applied", Instant.now());
        } catch (RuntimeException e) {
            String script = failedScript(e, flyway);
            String reason = reason(e);
            String version = flyway == null ? "" : safeCurrentVersion(flyway);
            LOG.error(
                    "Schema migration failed: bundle {}, script {}, reason: {}", bundle, script, reason);
            return new BundleMigration(
                    bundle, table, version, State.FAILED, script + ": " + reason, Instant.now());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * On a database without transactional DDL (H2) Flyway records a failed script and then refuses
     * to migrate until repaired: drop that record so a corrected script is tried again.
     */
    private static void repairFailedRuns(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        boolean failed =
                Arrays.stream(info.all()).anyMatch(i -> i.getState() == MigrationState.FAILED);
        if (failed) {
            LOG.warn("Removing a failed migration record from {} before retrying",
                    flyway.getConfiguration().getTable());
            flyway.repair();
        }
    }

    /** The highest successfully applied version (a failed script recorded by H2 does not count). */
    private static String currentVersion(Flyway flyway) {
        String version = "";
        for (MigrationInfo applied : flyway.info().applied()) {
            if (!applied.getState().isFailed() && applied.getVersion() != null) {
                version = applied.getVersion().toString();
            }
        }
        return version;
    }

    private static String safeCurrentVersion(Flyway flyway) {
        try {
            return currentVersion(flyway);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String failedScript(RuntimeException e, Flyway flyway) {
        if (e instanceof FlywayMigrateException m && m.getMigration() != null) {
            return m.getMigration().getScript();
        }
        if (flyway != null) {
            try {
                for (MigrationInfo i : flyway.info().all()) {
                    if (i.getState() == MigrationState.FAILED || i.getState() == MigrationState.PENDING) {
                        return i.getScript();
                    }
                }
            } catch (RuntimeException ignored) {
                // fall through: the database may be unreachable
            }
        }
        return "(none)";
    }

    /** The most specific one-line reason: the SQL error if there is one, else Flyway's. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                // H2 appends "; SQL statement:" and the statement on the next lines
                return firstLine(t.getMessage()).replaceFirst("[;,]? ?SQL statement:$", "");
            }
        }
        String message = e.getMessage();
        if (e instanceof FlywayException && message != null) {
            // Flyway messages are multi-line reports; keep the lines that say what went wrong
            return String.join(" ", message.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("---")).limit(3).toList());
        }
        return firstLine(message == null ? e.getClass().getName() : message);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}

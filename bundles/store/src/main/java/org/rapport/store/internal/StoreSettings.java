package org.rapport.store.internal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The resolved connection settings: database type, JDBC driver class to select the
 * DataSourceFactory by, URL with defaults filled in, and pool sizing.
 */
record StoreSettings(
        String type,
        String driverClass,
        String url,
        String user,
        String password,
        int poolSize,
        long connectionTimeoutMs) {

    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";
    static final String H2_DRIVER = "org.h2.Driver";
    static final String POSTGRESQL_DRIVER = "org.postgresql.Driver";

    /**
     * Settings from the configuration.
     *
     * @param config the configuration
     * @param dataDir the {@code rapport.data} directory, or null for {@code ./data}
     */
    static StoreSettings of(StoreConfig config, String dataDir) {
        String type = config.type() == null ? H2 : config.type().strip().toLowerCase(Locale.ROOT);
        String url = config.url() == null ? "" : config.url().strip();
        String user = config.user() == null ? "" : config.user().strip();
        String driver;
        switch (type) {
            case H2 -> {
                driver = H2_DRIVER;
                if (url.isEmpty()) {
                    url = defaultH2Url(dataDir);
                }
                if (user.isEmpty()) {
                    user = "sa";
                }
            }
            case POSTGRESQL -> {
                driver = POSTGRESQL_DRIVER;
                if (url.isEmpty()) {
                    url = "jdbc:postgresql://localhost:5432/rapport";
                }
            }
            default -> throw new IllegalArgumentException(
                    "unknown store type '" + config.type() + "' (use h2 or postgresql)");
        }
        return new StoreSettings(
                type,
                driver,
                url,
                user,
                config.password() == null ? "" : config.password(),
                Math.max(1, config.poolSize()),
                Math.max(250, config.connectionTimeoutMs()));
    }

    /**
     * An H2 file database under the data directory. DB_CLOSE_ON_EXIT=FALSE: the pool closes the
     * database when the store stops, not H2's JVM shutdown hook (which would close it under
     * components still stopping). WRITE_DELAY=0: every commit is written to the file before it
     * returns; H2's default (changes written up to a second later) loses committed transactions
     * when the process is killed — an outbox row, a received message. {@code retry:} (H2's
     * re-opening file system): a thread interrupted while H2 writes (a component stopping its
     * executor) would otherwise close the file under every other connection.
     */
    static String defaultH2Url(String dataDir) {
        String base = dataDir == null || dataDir.isBlank() ? "./data" : dataDir;
        Path file = Path.of(base, "db", "rapport").toAbsolutePath().normalize();
        return "jdbc:h2:retry:" + file.toString().replace('\\', '/')
                + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    /** The URL without credentials or options, for logs. */
    String safeUrl() {
        int semi = url.indexOf(';');
        int query = url.indexOf('?');
        int cut = semi < 0 ? query : (query < 0 ? semi : Math.min(semi, query));
        return cut < 0 ? url : url.substring(0, cut);
    }

    @Override
    public String toString() {
        return "StoreSettings[type=" + type + ", url=" + safeUrl() + ", user=" + user
                + ", poolSize=" + poolSize + "]";
    }
}

package org.rapport.configfiles.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rapport.health.Health;
import org.rapport.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the configuration folders (framework property {@code rapport.config.dirs}, comma
 * separated, later folders override earlier ones) and keeps ConfigAdmin in line with them. The
 * first scan runs during activation so components start with their configured values; then the
 * folders are polled every second. Reports bad files as the {@code config} health check.
 */
@Component(immediate = true)
public final class ConfigFileWatcher implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileWatcher.class);
    static final long POLL_MILLIS = 1000;

    private final ConfigSync sync;
    private final ScheduledExecutorService poller;

    @Activate
    public ConfigFileWatcher(@Reference ConfigurationAdmin configAdmin, BundleContext context) {
        List<Path> folders = folders(context.getProperty("rapport.config.dirs"));
        Interpolator interpolator = new Interpolator(context::getProperty, System::getenv);
        this.sync = new ConfigSync(folders, new ConfigAdminTarget(configAdmin), interpolator);
        sync.sync();
        LOG.debug("Watching configuration folders {}", folders);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rapport-config-files");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            sync.sync();
        } catch (RuntimeException e) {
            LOG.error("Configuration folder scan failed: {}", e.toString());
        }
    }

    @Deactivate
    void deactivate() {
        poller.shutdownNow();
    }

    static List<Path> folders(String property) {
        List<Path> folders = new ArrayList<>();
        if (property != null) {
            Arrays.stream(property.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).forEach(folders::add);
        }
        return folders;
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public Health check() {
        Map<String, String> problems = sync.problems();
        if (problems.isEmpty()) {
            return Health.up(sync.appliedCount() + " configuration(s) from files");
        }
        return Health.degraded(problems.size() + " configuration file(s) not valid; their last good configuration stays in force",
                problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    /** Applies configurations through ConfigAdmin, bound to any bundle. */
    private record ConfigAdminTarget(ConfigurationAdmin admin) implements ConfigTarget {

        @Override
        public void apply(ConfigFileName name, Map<String, Object> values) throws IOException {
            configuration(name).updateIfDifferent(new Hashtable<>(values));
        }

        @Override
        public void delete(ConfigFileName name) throws IOException {
            configuration(name).delete();
        }

        private Configuration configuration(ConfigFileName name) throws IOException {
            return name.factoryPid() == null
                    ? admin.getConfiguration(name.pid(), "?")
                    : admin.getFactoryConfiguration(name.factoryPid(), name.name(), "?");
        }
    }
}

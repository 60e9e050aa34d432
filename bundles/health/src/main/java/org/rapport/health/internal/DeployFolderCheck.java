package org.rapport.health.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.rapport.health.Health;
import org.rapport.health.HealthCheck;

/**
 * Reports jars in the hot-deploy folder that did not become a running bundle: a corrupt jar or
 * a non-bundle is never installed, a bundle whose imports are missing stays INSTALLED. DEGRADED,
 * not DOWN: the rest of the server keeps serving.
 */
@Component
public final class DeployFolderCheck implements HealthCheck {

    /** Time the folder watcher gets to pick up a new or changed jar before it counts as a problem. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final BundleContext context;
    private final Path folder;

    @Activate
    public DeployFolderCheck(BundleContext context) {
        this.context = context;
        String dir = context.getProperty("felix.fileinstall.dir");
        this.folder = dir == null ? null : Path.of(dir).toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "deploy";
    }

    @Override
    public Health check() {
        if (folder == null || !Files.isDirectory(folder)) {
            return Health.up("no hot-deploy folder");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return Health.degraded("cannot read " + folder, List.of(e.getMessage()));
        }
        Bundle[] bundles = context.getBundles();
        List<String> problems = new ArrayList<>();
        Instant settled = Instant.now().minus(GRACE);
        for (Path jar : jars) {
            Bundle bundle = find(bundles, jar);
            if (recentlyChanged(jar, settled)) {
                continue;
            }
            if (bundle == null) {
                problems.add(jar.getFileName() + " is not installed: not a valid OSGi bundle jar (see the log)");
            } else if (bundle.getState() != Bundle.ACTIVE && bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                problems.add(jar.getFileName() + " (" + bundle.getSymbolicName() + ") is " + RuntimeInspector.stateName(bundle.getState())
                        + ", not ACTIVE: a requirement is missing or it failed to start (see the log)");
            }
        }
        Health health = problems.isEmpty()
                ? Health.up(jars.size() + " jar(s) deployed")
                : Health.degraded(problems.size() + " of " + jars.size() + " deployed jar(s) not running", problems);
        return health.withDetails(Map.of("folder", folder.toString()));
    }

    private static boolean recentlyChanged(Path jar, Instant settled) {
        try {
            return Files.getLastModifiedTime(jar).toInstant().isAfter(settled);
        } catch (IOException e) {
            return true;
        }
    }

    static Bundle find(Bundle[] bundles, Path jar) {
        for (Bundle bundle : bundles) {
            if (sameFile(bundle.getLocation(), jar)) {
                return bundle;
            }
        }
        return null;
    }

    static boolean sameFile(String location, Path jar) {
        if (location == null) {
            return false;
        }
        String path = location;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        try {
            if (path.startsWith("file:")) {
                return Path.of(java.net.URI.create(path)).toAbsolutePath().normalize().equals(jar);
            }
            return Path.of(path).toAbsolutePath().normalize().equals(jar);
        } catch (RuntimeException e) {
            return false;
        }
    }
}

package org.rapport.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.rapport.web.ApiException;

/**
 * Lists, starts, stops, uninstalls and installs bundles. Uploaded bundles are written into the
 * hot-deploy folder ({@code felix.fileinstall.dir}) by an atomic move, so that FileInstall owns
 * them (they survive restarts; an update replaces the file, an uninstall deletes it) and the
 * console never fights FileInstall. The framework, the console, the security bundle and the
 * HTTP server are protected from stop and uninstall.
 */
final class BundleOps {

    static final Set<String> PROTECTED = Set.of("org.rapport.console", "org.rapport.security",
            "org.apache.felix.http.jetty12", "org.apache.felix.http.jetty");

    /** The result of an upload: the bundle and whether it was new. */
    record Installed(Map<String, Object> bundle, boolean created) {
    }

    private final BundleContext context;
    private final Optional<Path> deployDir;
    private final Duration wait;
    private final Object installLock = new Object();

    BundleOps(BundleContext context, Duration wait) {
        this.context = context;
        String dir = context.getProperty("felix.fileinstall.dir");
        this.deployDir = dir == null ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath().normalize());
        this.wait = wait;
    }

    List<Map<String, Object>> list() {
        return Arrays.stream(context.getBundles()).sorted(Comparator.comparingLong(Bundle::getBundleId)).map(this::json).toList();
    }

    Map<String, Object> json(Bundle bundle) {
        return BundleJson.of(bundle, deployedFile(bundle).isPresent(), isProtected(bundle));
    }

    Bundle get(long id) {
        Bundle bundle = context.getBundle(id);
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            throw ApiException.notFound("No bundle with id " + id);
        }
        return bundle;
    }

    boolean isProtected(Bundle bundle) {
        return bundle.getBundleId() == 0 || bundle.getBundleId() == context.getBundle().getBundleId()
                || PROTECTED.contains(bundle.getSymbolicName());
    }

    private void refuseIfProtected(Bundle bundle, String action) {
        if (isProtected(bundle)) {
            throw ApiException.conflict("Refusing to " + action + " " + bundle.getSymbolicName()
                    + ": the server and this console need it");
        }
    }

    Map<String, Object> start(long id) {
        Bundle bundle = get(id);
        if (bundle.getHeaders("").get("Fragment-Host") != null) {
            throw ApiException.conflict(bundle.getSymbolicName() + " is a fragment: it cannot be started on its own");
        }
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            throw new ApiException(409, "start_failed", "Could not start " + bundle.getSymbolicName() + ": " + e.getMessage());
        }
        return json(bundle);
    }

    Map<String, Object> stop(long id) {
        Bundle bundle = get(id);
        refuseIfProtected(bundle, "stop");
        try {
            bundle.stop();
        } catch (BundleException | IllegalStateException e) {
            throw new ApiException(409, "stop_failed", "Could not stop " + bundle.getSymbolicName() + ": " + e.getMessage());
        }
        return json(bundle);
    }

    void uninstall(long id) throws IOException {
        Bundle bundle = get(id);
        refuseIfProtected(bundle, "uninstall");
        Optional<Path> file = deployedFile(bundle);
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
            if (waitFor(() -> bundle.getState() == Bundle.UNINSTALLED)) {
                return;
            }
        }
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            if (bundle.getState() != Bundle.UNINSTALLED) {
                throw new ApiException(409, "uninstall_failed", "Could not uninstall " + bundle.getSymbolicName() + ": " + e.getMessage());
            }
        }
    }

    /** Installs or updates the bundle in {@code body}; answers once it is ACTIVE (bounded wait). */
    Installed install(InputStream body, long declaredLength, long maxBytes) throws IOException {
        Path folder = deployDir.orElseThrow(() -> new ApiException(503, "no_deploy_folder",
                "This server has no hot-deploy folder (felix.fileinstall.dir): uploads are not possible"));
        Files.createDirectories(folder);
        UploadedJar jar = UploadedJar.inspect(UploadedJar.receive(body, declaredLength, maxBytes, folder.getParent()));
        synchronized (installLock) {
            try {
                Optional<Bundle> existing = bySymbolicName(jar.symbolicName());
                return existing.isPresent() ? update(existing.get(), jar) : installNew(folder, jar);
            } finally {
                Files.deleteIfExists(jar.file());
            }
        }
    }

    private Installed update(Bundle bundle, UploadedJar jar) throws IOException {
        refuseIfProtected(bundle, "replace");
        Path target = deployedFile(bundle).orElseThrow(() -> ApiException.conflict(bundle.getSymbolicName()
                + " is part of the distribution, not a deployed bundle: update it in the distribution"));
        long before = bundle.getLastModified();
        Files.move(jar.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (!waitFor(() -> bundle.getLastModified() != before && bundle.getState() == Bundle.ACTIVE)) {
            requireActive(bundle, "updated");
        }
        return new Installed(json(bundle), false);
    }

    private Installed installNew(Path folder, UploadedJar jar) throws IOException {
        Path target = folder.resolve(jar.symbolicName() + ".jar");
        Files.move(jar.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Bundle[] found = new Bundle[1];
        boolean active = waitFor(() -> {
            found[0] = byFile(target).orElse(null);
            return found[0] != null && found[0].getState() == Bundle.ACTIVE;
        });
        if (found[0] == null) {
            Files.deleteIfExists(target);
            throw new ApiException(503, "not_picked_up", "The hot-deploy folder watcher did not install "
                    + jar.symbolicName() + " within " + wait.toSeconds() + " s; the file was removed");
        }
        if (!active) {
            try {
                requireActive(found[0], "installed");
            } catch (ApiException e) {
                Files.deleteIfExists(target);
                throw e;
            }
        }
        return new Installed(json(found[0]), true);
    }

    /** For a bundle that did not become ACTIVE in time: starts it to learn why, or reports the framework's reason. */
    private void requireActive(Bundle bundle, String what) {
        if (bundle.getHeaders("").get("Fragment-Host") != null) {
            return;
        }
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            throw new ApiException(422, "start_failed", bundle.getSymbolicName() + " was " + what
                    + " but could not start: " + e.getMessage());
        }
    }

    private Optional<Bundle> bySymbolicName(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    private Optional<Bundle> byFile(Path file) {
        return Arrays.stream(context.getBundles()).filter(b -> file.equals(locationPath(b.getLocation()))).findFirst();
    }

    /** The file in the hot-deploy folder this bundle was installed from, if any. */
    Optional<Path> deployedFile(Bundle bundle) {
        Path path = locationPath(bundle.getLocation());
        return path != null && deployDir.isPresent() && deployDir.get().equals(path.getParent()) ? Optional.of(path) : Optional.empty();
    }

    static Path locationPath(String location) {
        if (location == null) {
            return null;
        }
        String path = location;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        try {
            Path result = path.startsWith("file:") ? Path.of(URI.create(path)) : Path.of(path);
            return result.toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}

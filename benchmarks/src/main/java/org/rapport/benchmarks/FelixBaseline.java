package org.rapport.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The startup baseline, run as its own JVM: a bare Felix framework that installs and starts
 * {@code n} trivial bundles from {@code WORK/bundles}, prints {@code READY <active>}, then stops.
 * Usage: {@code FelixBaseline <n> <WORK>}; {@link #writeBundles} prepares WORK beforehand.
 */
public final class FelixBaseline {

    private FelixBaseline() {
    }

    /** Writes {@code n} manifest-only bundles {@code bench.b<i>} into {@code work/bundles}. */
    public static void writeBundles(Path work, int n) throws IOException {
        Path dir = Files.createDirectories(work.resolve("bundles"));
        for (int i = 0; i < n; i++) {
            Jars.trivialBundle("bench.b" + i, dir.resolve("b" + i + ".jar"));
        }
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        Framework framework = factory.newFramework(Map.of(
                "org.osgi.framework.storage", work.resolve("felix").toString(),
                "org.osgi.framework.storage.clean", "onFirstInit"));
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bundles.add(context.installBundle(work.resolve("bundles/b" + i + ".jar").toUri().toString()));
        }
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        framework.start();
        long active = bundles.stream().filter(b -> b.getState() == Bundle.ACTIVE).count();
        System.out.println("READY " + active);
        System.out.flush();
        framework.stop();
        framework.waitForStop(10_000);
    }
}

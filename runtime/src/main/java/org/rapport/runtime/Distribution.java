package org.rapport.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The layout of a Rapport distribution and the framework it boots: the bundles under
 * {@code system/<start level>/}, the default configuration in {@code config/}, and the framework
 * properties for a given data directory and port. Used by the launcher and by the in-container
 * tests, so both boot the same thing.
 */
public final class Distribution {

    /** Start level of bundles installed later (hot deploy, console upload). */
    public static final int DEPLOY_START_LEVEL = 80;
    /** The framework's beginning start level. */
    public static final int FRAMEWORK_START_LEVEL = 100;

    private final Path home;

    public Distribution(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public Path home() {
        return home;
    }

    public Path configDir() {
        return home.resolve("config");
    }

    public Path logbackConfig() {
        return home.resolve("etc/logback.xml");
    }

    /** The system bundles, by start level then file name. */
    public List<BundleSpec> bundles() {
        Path system = home.resolve("system");
        List<BundleSpec> specs = new ArrayList<>();
        try (Stream<Path> levels = Files.list(system)) {
            for (Path levelDir : levels.filter(Files::isDirectory).toList()) {
                int level = Integer.parseInt(levelDir.getFileName().toString());
                try (Stream<Path> jars = Files.list(levelDir)) {
                    jars.filter(p -> p.toString().endsWith(".jar")).forEach(jar -> specs.add(new BundleSpec(jar, level)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the distribution's bundles in " + system, e);
        }
        specs.sort(Comparator.comparingInt(BundleSpec::startLevel).thenComparing(s -> s.jar().getFileName().toString()));
        return specs;
    }

    /** The data directory's sub-folders, created if missing. */
    public static void prepareDataDir(Path data) throws IOException {
        for (String sub : List.of("deploy", "config", "logs", "db", "cache")) {
            Files.createDirectories(data.resolve(sub));
        }
    }

    /**
     * Framework properties for a server with this distribution, data directory and options.
     * {@code rapport.*} properties are what Rapport bundles read with {@code BundleContext.getProperty}.
     */
    public Map<String, String> frameworkProperties(Options options) {
        Path data = options.dataDir();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("org.osgi.framework.storage", data.resolve("cache/felix").toString());
        p.put("org.osgi.framework.storage.clean", "onFirstInit");
        p.put("org.osgi.framework.startlevel.beginning", Integer.toString(FRAMEWORK_START_LEVEL));
        p.put("felix.startlevel.bundle", Integer.toString(DEPLOY_START_LEVEL));
        p.put("felix.log.level", "1");

        p.put("rapport.home", home.toString());
        p.put("rapport.data", data.toString());
        p.put("rapport.demo", Boolean.toString(options.demo()));
        p.put("rapport.http.port", Integer.toString(options.port()));
        p.put("rapport.public.url", options.effectivePublicUrl());
        // distribution defaults first, the data directory's overrides last (later wins)
        p.put("rapport.config.dirs", configDir() + "," + data.resolve("config"));

        p.put("org.osgi.service.http.port", Integer.toString(options.port()));
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        p.put("org.apache.felix.jetty.websocket.enable", "true");
        // a ceiling only: each resource enforces its own limit (JSON bodies 1 MiB, a CSV import its
        // configured maximum, 512 MiB by default; a bundle upload its own)
        p.put("org.apache.felix.http.jetty.requestSizeLimit", Long.toString(4L * 1024 * 1024 * 1024));
        p.put("org.apache.felix.jetty.stopTimeout", "2000");

        p.put("felix.fileinstall.dir", data.resolve("deploy").toString());
        p.put("felix.fileinstall.filter", ".*\\.jar");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.start.level", Integer.toString(DEPLOY_START_LEVEL));
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.level", "2");

        p.put("ds.loglevel", "warn");
        p.put("logback.configurationFile", logbackConfig().toString());
        return p;
    }
}

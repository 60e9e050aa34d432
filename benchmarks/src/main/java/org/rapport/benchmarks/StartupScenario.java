package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.launch.FrameworkFactory;
import org.rapport.runtime.Distribution;

/** {@code startup}: distribution start → /health 200, against a bare Felix booting as many trivial bundles. */
public final class StartupScenario {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final long IDLE_BEFORE_RSS_MS = 2000;

    private final Path dist;
    private final Path logs;
    private final int runs;

    public StartupScenario(Path dist, Path logs, int runs) {
        this.dist = dist;
        this.logs = logs;
        this.runs = runs;
    }

    /** Runs the scenario, recording figures and failed checks in {@code result}. */
    public void run(Result result) throws Exception {
        int expectedBundles = new Distribution(dist).bundles().size();
        List<Double> times = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        int installed = -1;
        int rapportBundles = -1;
        Path work = Files.createTempDirectory("rapport-bench-felix");
        try {
            FelixBaseline.writeBundles(work, expectedBundles);
            for (int run = 1; run <= runs; run++) {
                // alternate the two so both see the same machine noise
                double base = baselineOnce(work, expectedBundles, result);
                if (base >= 0) {
                    baseline.add(base);
                }
                Path data = Files.createTempDirectory("rapport-bench-data");
                try (Server server = Server.start(dist, data, logs.resolve("startup-" + run + ".log"))) {
                    double ms = server.awaitHealthy(READY_TIMEOUT);
                    if (ms < 0) {
                        result.fail("run " + run + ": /health did not answer 200 within " + READY_TIMEOUT.toSeconds() + " s" + server.exitNote()
                                + " (log: " + logs.resolve("startup-" + run + ".log") + ")");
                        continue;
                    }
                    times.add(ms);
                    JsonNode health = server.json("/health");
                    result.check("UP".equals(health.path("status").asText()), "run " + run + ": /health status is "
                            + health.path("status").asText());
                    rapportBundles = 0;
                    for (JsonNode bundle : health.path("bundles")) {
                        rapportBundles++;
                        result.check("ACTIVE".equals(bundle.path("state").asText()), "run " + run + ": bundle "
                                + bundle.path("symbolicName").asText() + " is " + bundle.path("state").asText());
                    }
                    installed = server.installedBundles();
                    result.check(installed == expectedBundles, "run " + run + ": " + installed + " bundles installed, the distribution has "
                            + expectedBundles);
                    Server.sleep(IDLE_BEFORE_RSS_MS);
                    rss.add(server.rssMb());
                    System.out.printf("run %d: up in %.0f ms, RSS %.0f MB idle; Felix baseline %.0f ms%n", run, ms, rss.get(rss.size() - 1), base);
                } finally {
                    Fs.deleteQuietly(data);
                }
                checkLog(logs.resolve("startup-" + run + ".log"), run, result);
            }
        } finally {
            Fs.deleteQuietly(work);
        }
        result.put("runs", runs);
        if (!times.isEmpty()) {
            result.put("median_ms", Stats.median(times)).put("min_ms", Stats.min(times)).put("max_ms", Stats.max(times))
                    .put("rss_mb", Stats.median(rss));
        }
        result.put("bundles", installed).put("rapport_bundles", rapportBundles);
        if (!baseline.isEmpty()) {
            result.put("baseline_ms", Stats.median(baseline));
            if (!times.isEmpty()) {
                result.put("ratio", Stats.median(times) / Stats.median(baseline));
            }
        }
    }

    /** Felix "Error starting" lines (a bundle that failed to start) in a server log are a failure. */
    private static void checkLog(Path log, int run, Result result) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains("Error starting")) {
                result.fail("run " + run + ": " + line.trim());
            }
        }
    }

    /** One baseline run: spawn → the child printing READY, in ms; -1 (and a failure) if it did not. */
    private double baselineOnce(Path work, int n, Result result) throws Exception {
        Fs.deleteQuietly(work.resolve("felix"));
        String classpath = codeSource(FrameworkFactory.class) + java.io.File.pathSeparator + codeSource(FelixBaseline.class);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(serverJvmOptions());
        command.addAll(List.of("-cp", classpath, FelixBaseline.class.getName(), Integer.toString(n), work.toString()));
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    double ms = (System.nanoTime() - spawned) / 1e6;
                    int active = Integer.parseInt(line.substring(6).trim());
                    result.check(active == n, "baseline: " + active + " of " + n + " trivial bundles active");
                    out.transferTo(java.io.Writer.nullWriter());
                    return ms;
                }
                System.out.println("baseline: " + line);
            }
            result.fail("baseline: the Felix child exited without READY");
            return -1;
        } finally {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The JVM options bin/rapport starts the server with (its RAPPORT_JAVA_OPTS default), so both JVMs match. */
    private List<String> serverJvmOptions() throws IOException {
        String env = System.getenv("RAPPORT_JAVA_OPTS");
        String opts = env;
        if (opts == null) {
            Matcher m = Pattern.compile("RAPPORT_JAVA_OPTS:=([^}\"]*)").matcher(Files.readString(dist.resolve("bin/rapport")));
            opts = m.find() ? m.group(1) : "";
        }
        List<String> list = new ArrayList<>();
        for (String o : opts.trim().split("\\s+")) {
            if (!o.isEmpty()) {
                list.add(o);
            }
        }
        return list;
    }

    private static String codeSource(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}

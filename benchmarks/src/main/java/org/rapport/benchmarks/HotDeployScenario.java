package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code hotdeploy}: repeated updates of the hello bundle in DATA/deploy/ while /hello is polled; outage, latency, leaks. */
public final class HotDeployScenario {

    private static final String HELLO = "org.rapport.itest.hello";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    /** Polling continues this long after the new version answers, to catch a later outage (e.g. a refresh). */
    private static final long AFTER_UPDATE_MS = 1500;
    private static final long SETTLE_MS = 5000;
    private static final int MAX_THREAD_GROWTH = 10;

    private final Path dist;
    private final Path hello;
    private final Path logs;
    private final int updates;

    public HotDeployScenario(Path dist, Path hello, Path logs, int updates) {
        this.dist = dist;
        this.hello = hello;
        this.logs = logs;
        this.updates = updates;
    }

    /** Runs the scenario, recording figures and failed checks in {@code result}. */
    public void run(Result result) throws Exception {
        Path data = Files.createTempDirectory("rapport-bench-data");
        Path releases = Files.createTempDirectory("rapport-bench-releases");
        try (Server server = Server.start(dist, data, logs.resolve("hotdeploy.log"))) {
            if (server.awaitHealthy(START_TIMEOUT) < 0) {
                result.fail("/health did not answer 200 within " + START_TIMEOUT.toSeconds() + " s" + server.exitNote());
                return;
            }
            Path deployed = data.resolve("deploy/hello.jar");
            Jars.copyAtomically(hello, deployed, data);
            if (!awaitStatus(server, "/hello", 200, VERSION_TIMEOUT)) {
                result.fail("/hello did not answer 200 within " + VERSION_TIMEOUT.toSeconds() + " s of the first deploy" + server.exitNote());
                return;
            }
            Server.sleep(SETTLE_MS);
            Snapshot before = Snapshot.of(server);
            System.out.println("before: " + before);

            List<Double> gaps = new ArrayList<>();
            List<Double> latencies = new ArrayList<>();
            try (HelloPoller poller = new HelloPoller(server, 5, Duration.ofMillis(500)).start()) {
                for (int i = 1; i <= updates; i++) {
                    String version = "1.0." + i;
                    Path release = Jars.withVersion(hello, version, releases.resolve("hello-" + version + ".jar"));
                    Path tmp = Files.createTempFile(data, "deploy", ".tmp");
                    Files.copy(release, tmp, StandardCopyOption.REPLACE_EXISTING);
                    poller.takeMaxGapMillis();
                    long moved = System.nanoTime();
                    Files.move(tmp, deployed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    long seen = poller.awaitVersion(version, VERSION_TIMEOUT);
                    if (seen < 0) {
                        result.fail("update " + i + ": /hello did not report version " + version + " within "
                                + VERSION_TIMEOUT.toSeconds() + " s (it reports '" + poller.version() + "')" + server.exitNote());
                        break;
                    }
                    Server.sleep(AFTER_UPDATE_MS);
                    double gap = poller.takeMaxGapMillis();
                    double latency = (seen - moved) / 1e6;
                    gaps.add(gap);
                    latencies.add(latency);
                    System.out.printf("update %d -> %s: new version after %.0f ms, longest /hello outage %.1f ms%n", i, version, latency, gap);
                }
                result.put("polls", poller.polls()).put("failed_polls", poller.failedPolls());
            }

            Server.sleep(SETTLE_MS);
            Snapshot after = Snapshot.of(server);
            System.out.println("after:  " + after);
            result.put("updates", gaps.size());
            if (!gaps.isEmpty()) {
                result.put("max_gap_ms", Stats.max(gaps)).put("p50_gap_ms", Stats.median(gaps))
                        .put("update_to_new_version_ms_p50", Stats.median(latencies))
                        .put("update_to_new_version_ms_max", Stats.max(latencies));
            }
            result.put("threads_before", before.osThreads).put("threads_after", after.osThreads)
                    .put("jvm_threads_live_before", before.jvmThreads).put("jvm_threads_live_after", after.jvmThreads)
                    .put("classes_before", before.classes).put("classes_after", after.classes)
                    .put("rapport_bundles_before", before.rapportBundles).put("rapport_bundles_after", after.rapportBundles)
                    .put("installed_bundles_before", before.installed).put("installed_bundles_after", after.installed)
                    .put("hello_bundles_after", after.helloBundles)
                    .put("leaked_threads", Math.max(0, after.osThreads - before.osThreads))
                    .put("rss_mb_before", before.rssMb).put("rss_mb_after", after.rssMb);
            result.check(after.helloBundles == 1, after.helloBundles + " " + HELLO + " bundles in /health after the updates, expected 1");
            result.check(after.osThreads - before.osThreads <= MAX_THREAD_GROWTH, "threads grew from " + before.osThreads + " to "
                    + after.osThreads + " (more than " + MAX_THREAD_GROWTH + ")");
        } finally {
            Fs.deleteQuietly(data);
            Fs.deleteQuietly(releases);
        }
    }

    private static boolean awaitStatus(Server server, String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (server.status(path, Duration.ofSeconds(2)) == status) {
                return true;
            }
            Server.sleep(20);
        }
        return false;
    }

    /** What the server holds at one moment: threads, classes, bundles, memory. */
    private record Snapshot(int osThreads, int jvmThreads, int classes, int rapportBundles, int helloBundles, int installed, double rssMb) {

        static Snapshot of(Server server) throws Exception {
            JsonNode health = server.json("/health");
            int rapport = 0;
            int hellos = 0;
            for (JsonNode bundle : health.path("bundles")) {
                String name = bundle.path("symbolicName").asText();
                if (name.startsWith("org.rapport.")) {
                    rapport++;
                }
                if (name.equals(HELLO)) {
                    hellos++;
                }
            }
            return new Snapshot(server.osThreads(), (int) server.metric("jvm_threads_live_threads"),
                    (int) server.metric("jvm_classes_loaded_classes"), rapport, hellos, server.installedBundles(), server.rssMb());
        }
    }
}

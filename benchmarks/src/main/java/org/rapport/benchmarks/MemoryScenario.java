package org.rapport.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code memory}: the server's heap after a full GC and its RSS once it holds N imported clients
 * and has gone idle (background scoring done, CPU quiet). The same figures are also taken on the
 * fresh, empty server before the import, for comparison.
 */
public final class MemoryScenario {

    private static final double QUIET_CORES = 0.05;
    private static final int QUIET_SECONDS = 5;
    /** The default wait for the background scoring ({@code RAPPORT_BENCH_SCORING_CAP_S} overrides it). */
    private static final long DEFAULT_SCORING_CAP_S = 600;

    private final Path dist;
    private final Path logs;
    private final long clients;

    public MemoryScenario(Path dist, Path logs, long clients) {
        this.dist = dist;
        this.logs = logs;
        this.clients = clients;
    }

    /** Runs the scenario, recording figures and failed checks in {@code result}. */
    public void run(Result result) throws Exception {
        Path work = Files.createTempDirectory("rapport-bench-memory");
        try {
            Path csv = work.resolve("clients.csv");
            ImportData.writeCsv(csv, clients);
            result.put("clients", clients);
            try (ProductImport product = ProductImport.start(dist, work.resolve("data"), logs.resolve("memory.log"))) {
                long pid = product.server().pid();
                product.awaitQuiet(QUIET_CORES, QUIET_SECONDS, Duration.ofSeconds(60));
                Jcmd.Live empty = Jcmd.live(pid);
                double emptyRss = product.server().rssMb();
                System.out.printf("empty server (pid %d): live objects after a full GC %.1f MB, RSS %.0f MB%n", pid, empty.mb(), emptyRss);

                ProductImport.Timing timing = product.importCsv(csv);
                System.out.printf("imported %d rows in %.1f s; counts %s%n", clients, timing.totalSeconds(), timing.job().path("counts"));
                product.check(timing, clients, result);
                String env = System.getenv("RAPPORT_BENCH_SCORING_CAP_S");
                Duration cap = Duration.ofSeconds(env == null || env.isBlank() ? DEFAULT_SCORING_CAP_S : Long.parseLong(env.strip()));
                ProductImport.Scoring scoring = product.awaitScored(Duration.ofSeconds(60), cap);
                double quiet = -1;
                if (scoring.settled()) {
                    quiet = product.awaitQuiet(QUIET_CORES, QUIET_SECONDS, Duration.ofMinutes(5));
                    System.out.printf("scoring settled %.1f s after the job; CPU quiet %.1f s later%n", scoring.settleSeconds(), quiet);
                    result.put("scoring_settle_s", scoring.settleSeconds());
                } else {
                    // not idle: measured anyway, and said so (idle=0)
                    System.out.printf("NOTE: the background scoring did not finish within %d s (%d of %d clients without a tier, %.1f clients/s);"
                            + " measuring the busy server instead of an idle one%n", cap.toSeconds(), scoring.unscoredAtEnd(), clients,
                            scoring.rate());
                    result.put("scoring_unscored", scoring.unscoredAtEnd()).put("scoring_clients_per_s", scoring.rate());
                }
                result.put("idle", scoring.settled() && quiet >= 0 ? 1 : 0);

                Jcmd.gc(pid);
                Jcmd.Heap heap = Jcmd.heap(pid);
                Jcmd.Live live = Jcmd.live(pid);
                double rss = product.server().rssMb();
                System.out.print(heap.text());
                System.out.printf("holding %d clients: live objects after a full GC %.1f MB; heap used %.1f MB, committed %.1f MB; RSS %.0f MB%n",
                        clients, live.mb(), heap.usedMb(), heap.committedMb(), rss);
                result.put("heap_after_gc_mb", live.mb()).put("heap_used_mb", heap.usedMb()).put("heap_committed_mb", heap.committedMb())
                        .put("rss_mb", rss).put("empty_heap_after_gc_mb", empty.mb()).put("empty_rss_mb", emptyRss)
                        .put("heap_bytes_per_client", (live.mb() - empty.mb()) * 1048576.0 / clients);
                result.check(live.mb() > 0, "could not read the live heap from jcmd GC.class_histogram");
                System.out.println("largest live classes (jcmd GC.class_histogram):");
                live.histogram().lines().limit(23).forEach(System.out::println);
            }
        } finally {
            Fs.deleteQuietly(work);
        }
    }
}

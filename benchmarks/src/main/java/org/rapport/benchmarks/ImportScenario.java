package org.rapport.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code import}: N companies with one contact each from a CSV file, through the product's import
 * job, against a raw JDBC batch insert of the same rows into the same tables of a fresh H2 file
 * database (same H2, same URL options). Optionally profiled ({@link StackSampler}).
 */
public final class ImportScenario {

    /**
     * How long to wait for the background scoring after the import before giving up on it and
     * extrapolating: {@code RAPPORT_BENCH_SCORING_CAP_S} seconds, default 180.
     */
    static Duration scoringCap() {
        String env = System.getenv("RAPPORT_BENCH_SCORING_CAP_S");
        return Duration.ofSeconds(env == null || env.isBlank() ? 180 : Long.parseLong(env.strip()));
    }

    /** How long after the job's end the search index may take to hold every row. */
    private static final Duration SEARCHABLE_CAP = Duration.ofMinutes(30);
    /** Thread-dump period of the sampling profiler ({@code --profile}). */
    private static final long SAMPLE_MS = 50;
    /** Rows of the baseline's warm-up run (not measured). */
    private static final long WARMUP_ROWS = 20_000;

    private final Path dist;
    private final Path logs;
    private final long rows;
    private final Path profiles;

    /**
     * @param profiles where to write the profile summary, or null for no profile
     */
    public ImportScenario(Path dist, Path logs, long rows, Path profiles) {
        this.dist = dist;
        this.logs = logs;
        this.rows = rows;
        this.profiles = profiles;
    }

    /** Runs the scenario, recording figures and failed checks in {@code result}. */
    public void run(Result result) throws Exception {
        Path work = Files.createTempDirectory("rapport-bench-import");
        try {
            Path csv = work.resolve("clients.csv");
            long t = System.nanoTime();
            long bytes = ImportData.writeCsv(csv, rows);
            System.out.printf("generated %d rows, %.1f MB of CSV in %.1f s%n", rows, bytes / 1048576.0, (System.nanoTime() - t) / 1e9);
            result.put("rows", rows).put("csv_mb", bytes / 1048576.0);

            // 1. the baseline: raw JDBC batches into a fresh H2 file database
            String h2 = RawImport.distributionH2Version(dist);
            String ours = org.h2.engine.Constants.VERSION_MAJOR + "." + org.h2.engine.Constants.VERSION_MINOR + "."
                    + org.h2.engine.Constants.BUILD_ID;
            System.out.println("baseline: H2 " + ours + " (the distribution has " + h2 + ")");
            result.check(ours.equals(h2), "the baseline's H2 " + ours + " differs from the distribution's " + h2);
            // a short warm-up first (JIT), into a throw-away database: the baseline is the limit, not a cold start
            RawImport.run(dist, work.resolve("warmup"), Math.min(rows, WARMUP_ROWS));
            Fs.deleteQuietly(work.resolve("warmup"));
            RawImport.Outcome base = RawImport.run(dist, work.resolve("baseline"), rows);
            System.out.printf("baseline: %d rows in %.2f s = %.0f rows/s (tables: %d clients, %d contacts, %d points)%n", rows, base.seconds(),
                    base.rowsPerSecond(), base.clients(), base.contacts(), base.points());
            result.check(base.clients() == rows && base.contacts() == rows && base.points() == 2 * rows,
                    "baseline tables hold " + base.clients() + "/" + base.contacts() + "/" + base.points() + " rows");
            result.put("baseline_rows_per_s", base.rowsPerSecond()).put("baseline_s", base.seconds());
            Fs.deleteQuietly(work.resolve("baseline"));

            // 2. the product: the import endpoint and its job
            Path data = work.resolve("data");
            try (ProductImport product = ProductImport.start(dist, data, logs.resolve("import.log"));
                    StackSampler sampler = profiles == null ? null : StackSampler.attach(product.server().pid(), SAMPLE_MS)) {
                System.out.println("server up (pid " + product.server().pid() + "), importing...");
                Map<String, StackSampler.Mark> marks = new HashMap<>();
                ProductImport.Timing timing = product.importCsv(csv, phase -> {
                    if (sampler != null) {
                        marks.put(phase, sampler.mark());
                    }
                });
                double rate = rows / timing.totalSeconds();
                System.out.printf("product: %d rows in %.2f s = %.0f rows/s (upload %.2f s, job %.2f s server-side); counts %s%n", rows,
                        timing.totalSeconds(), rate, timing.uploadSeconds(), timing.serverJobSeconds(), timing.job().path("counts"));
                result.put("rows_per_s", rate).put("ratio", rate / base.rowsPerSecond())
                        .put("total_s", timing.totalSeconds()).put("upload_s", timing.uploadSeconds())
                        .put("job_s", timing.serverJobSeconds())
                        .put("first_tenth_rows_per_s", timing.rate(rows, 0, 0.1))
                        .put("last_tenth_rows_per_s", timing.rate(rows, 0.9, 1.0));
                System.out.printf("product rate by tenth of the rows:");
                for (int tenth = 0; tenth < 10; tenth++) {
                    System.out.printf(" %.0f", timing.rate(rows, tenth / 10.0, (tenth + 1) / 10.0));
                }
                System.out.println(" rows/s");
                // "into the store and the search index": the rows count once the index's searcher holds them all
                double searchable = product.awaitSearchable(rows, timing.startNanos(), SEARCHABLE_CAP);
                if (searchable >= 0) {
                    System.out.printf("searchable: every row in the search index %.2f s after the POST = %.0f rows/s%n", searchable,
                            rows / searchable);
                    result.put("searchable_s", searchable).put("searchable_rows_per_s", rows / searchable)
                            .put("searchable_ratio", rows / searchable / base.rowsPerSecond());
                } else {
                    result.fail("the search index did not hold all " + rows + " rows within " + SEARCHABLE_CAP.toSeconds() + " s of the job's end");
                }
                product.check(timing, rows, result);
                String lastName = ImportData.row(rows - 1).name();
                result.check(product.searchHits(lastName) >= 1, "searching for the last row's company '" + lastName + "' finds nothing");
                long imported = timing.job().path("counts").path("imported").asLong(0);
                result.put("lost", Math.max(0, rows - imported));

                // background scoring of the imported clients (not part of the import rate)
                double cpuBefore = product.server().cpuSeconds();
                ProductImport.Scoring scoring = product.awaitScored(Duration.ofSeconds(30), scoringCap());
                double cpu = product.server().cpuSeconds() - cpuBefore;
                if (sampler != null) {
                    marks.put("settled", sampler.mark());
                }
                result.put("scoring_settled", scoring.settled() ? 1 : 0);
                if (scoring.settled()) {
                    System.out.printf("background scoring: settled %.1f s after the job, %.0f CPU s%n", scoring.settleSeconds(), cpu);
                    result.put("scoring_settle_s", scoring.settleSeconds());
                } else {
                    double estimate = scoring.rate() > 0 ? scoring.waitedSeconds() + scoring.unscoredAtEnd() / scoring.rate() : -1;
                    System.out.printf("background scoring: %d of %d clients still without a tier %.0f s after the job (%.0f CPU s);"
                            + " at %.0f clients/s it would settle after about %.0f s%n", scoring.unscoredAtEnd(), rows,
                            scoring.waitedSeconds(), cpu, scoring.rate(), estimate);
                    result.put("scoring_unscored", scoring.unscoredAtEnd()).put("scoring_settle_est_s", estimate);
                }
                result.put("scoring_unscored_at_job_end", scoring.unscoredAtStart())
                        .put("scoring_clients_per_s", scoring.rate()).put("scoring_cpu_s", cpu);
                double[] server = serverScoring(logs.resolve("import.log"));
                if (server[0] > 0) {
                    System.out.printf("background scoring, as the server logged it: %.0f clients in %.1f s = %.0f clients/s%n", server[0],
                            server[1], server[0] / server[1]);
                    result.put("scoring_server_clients", server[0]).put("scoring_server_s", server[1])
                            .put("scoring_server_clients_per_s", server[0] / Math.max(server[1], 0.001));
                }
                result.put("rss_mb", product.server().rssMb());

                if (sampler != null) {
                    String report = sampler.report("import, POST → job end", marks.get("posted"), marks.get("ended"), 30)
                            + "\n" + sampler.report("upload, POST → 202", marks.get("posted"), marks.get("uploaded"), 10)
                            + "\n" + sampler.report("import job, 202 → job end", marks.get("uploaded"), marks.get("ended"), 40)
                            + "\n" + sampler.report("background scoring, job end → settled (or the cap)", marks.get("ended"),
                                    marks.get("settled"), 30);
                    Files.createDirectories(profiles);
                    Files.writeString(profiles.resolve("import-profile.txt"), report);
                    System.out.println(report);
                    System.out.println("profile (" + sampler.dumps() + " thread dumps): " + profiles.resolve("import-profile.txt"));
                }
            }
        } finally {
            Fs.deleteQuietly(work);
        }
    }

    private static final java.util.regex.Pattern SCORED =
            java.util.regex.Pattern.compile("Assigned and scored (\\d+) of \\d+ clients in ([\\d.]+) s");

    /**
     * The accounts bundle's own timing of its large background batches (an import's clients,
     * released at the job's end): clients scored and seconds, summed over the log's lines. The
     * stats the scenario polls are a GROUP BY over every client that waits on the writes, so they
     * see the end late; this is the figure without that delay.
     */
    static double[] serverScoring(Path log) throws java.io.IOException {
        double clients = 0;
        double seconds = 0;
        for (String line : Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8)) {
            java.util.regex.Matcher m = SCORED.matcher(line);
            if (m.find()) {
                clients += Double.parseDouble(m.group(1));
                seconds += Double.parseDouble(m.group(2));
            }
        }
        return new double[] {clients, seconds};
    }
}

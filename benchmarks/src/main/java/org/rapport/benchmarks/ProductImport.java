package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The product side of the {@code import} and {@code memory} scenarios: a server on a fresh data
 * directory (H2, no demo data) with a known admin password and a raised import size limit, signed
 * in as admin; imports the scenario's CSV through {@code POST /api/v1/clients/import}, follows the
 * job, checks what was stored and waits for the background scoring to settle.
 */
public final class ProductImport implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password-2024";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(60);
    private static final long POLL_MS = 100;

    /** Timings of one import, the finished job as {@code GET /api/v1/jobs/{id}} answered, and the polled progress. */
    public record Timing(long startNanos, double uploadSeconds, double totalSeconds, double serverJobSeconds, JsonNode job, List<double[]> progress) {

        /**
         * Rows per second while the job went from {@code fromShare} to {@code toShare} of {@code rows}
         * (e.g. 0 to 0.1: the first tenth), from the polled progress: from the last poll at or below
         * the first mark to the first poll at or above the second; -1 when there is no such pair.
         */
        public double rate(long rows, double fromShare, double toShare) {
            double[] a = null;
            double[] b = null;
            for (double[] p : progress) {
                if (p[1] <= rows * fromShare) {
                    a = p;
                }
                if (b == null && p[1] >= rows * toShare) {
                    b = p;
                }
            }
            return a == null || b == null || b[0] <= a[0] ? -1 : (b[1] - a[1]) / (b[0] - a[0]);
        }
    }

    private final Server server;
    private final Api api;

    private ProductImport(Server server, Api api) {
        this.server = server;
        this.api = api;
    }

    /** Starts the server on {@code data} (written first: the admin password, the import limit) and signs in. */
    public static ProductImport start(Path dist, Path data, Path log) throws IOException {
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/org.rapport.security.cfg.json"),
                "{\"initialAdminPassword\": \"" + ADMIN_PASSWORD + "\"}");
        Files.writeString(data.resolve("config/org.rapport.records.transfer.cfg.json"), "{\"maxImportMegabytes\": 2048}");
        Server server = Server.start(dist, data, log);
        try {
            if (server.awaitHealthy(START_TIMEOUT) < 0) {
                throw new IOException("/health did not answer 200 within " + START_TIMEOUT.toSeconds() + " s" + server.exitNote()
                        + " (log: " + log + ")");
            }
            Api api = Api.signIn(server, "admin", ADMIN_PASSWORD, START_TIMEOUT);
            // the import servlet needs the records schema: wait until the records REST answers
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (true) {
                try {
                    api.get("/api/v1/clients?size=1", Duration.ofSeconds(10));
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Server.sleep(200);
                }
            }
            return new ProductImport(server, api);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public Server server() {
        return server;
    }

    public Api api() {
        return api;
    }

    /** Posts {@code csv} to the import endpoint and polls the job every 100 ms until it has finished. */
    public Timing importCsv(Path csv) throws IOException {
        return importCsv(csv, phase -> { });
    }

    /**
     * Like {@link #importCsv(Path)}, telling {@code phases} when the POST is about to be sent
     * ("posted"), when it was answered ("uploaded") and when the job was seen finished ("ended").
     */
    public Timing importCsv(Path csv, java.util.function.Consumer<String> phases) throws IOException {
        phases.accept("posted");
        long start = System.nanoTime();
        HttpResponse<String> answer = api.postFile("/api/v1/clients/import", csv, "text/csv; charset=UTF-8", Duration.ofMinutes(30));
        long uploadedNanos = System.nanoTime();
        phases.accept("uploaded");
        if (answer.statusCode() != 202) {
            throw new IOException("POST /api/v1/clients/import answered " + answer.statusCode() + ": " + Api.abbreviate(answer.body())
                    + server.exitNote());
        }
        String id = Api.parse(answer.body()).path("id").asText();
        long deadline = start + JOB_TIMEOUT.toNanos();
        long lastReport = System.nanoTime();
        List<double[]> progress = new ArrayList<>();
        progress.add(new double[] {0, 0});
        while (true) {
            JsonNode job = api.get("/api/v1/jobs/" + URLEncoder.encode(id, StandardCharsets.UTF_8), Duration.ofSeconds(30));
            String state = job.path("state").asText();
            progress.add(new double[] {(System.nanoTime() - start) / 1e9, job.path("counts").path("rows").asLong(0)});
            if (!state.equals("queued") && !state.equals("running")) {
                long end = System.nanoTime();
                phases.accept("ended");
                double serverSeconds = -1;
                if (job.hasNonNull("startedAt") && job.hasNonNull("finishedAt")) {
                    serverSeconds = Duration.between(Instant.parse(job.path("startedAt").asText()),
                            Instant.parse(job.path("finishedAt").asText())).toMillis() / 1000.0;
                }
                return new Timing(start, (uploadedNanos - start) / 1e9, (end - start) / 1e9, serverSeconds, job, progress);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the import job " + id + " did not finish within " + JOB_TIMEOUT.toMinutes() + " min");
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("  job %s: %s, counts %s, %.0f s since the POST%n", id, state, job.path("counts"),
                        (lastReport - start) / 1e9);
            }
            Server.sleep(POLL_MS);
        }
    }

    /**
     * Checks the import of rows 0..n-1: the job succeeded with n imported and nothing rejected or
     * duplicated, the client list holds n clients, and a few rows read back by e-mail as written.
     */
    public void check(Timing timing, long n, Result result) throws IOException {
        JsonNode job = timing.job();
        JsonNode counts = job.path("counts");
        result.check(job.path("state").asText().equals("succeeded"), "the import job ended " + job.path("state").asText() + ": "
                + job.path("message").asText());
        result.check(counts.path("imported").asLong(0) == n, "the job imported " + counts.path("imported").asLong(0) + " of " + n + " rows");
        result.check(counts.path("rejected").asLong(0) == 0, "the job rejected " + counts.path("rejected").asLong(0) + " rows; first errors: "
                + Api.abbreviate(job.path("errors").toString()));
        result.check(counts.path("duplicates").asLong(0) == 0, "the job found " + counts.path("duplicates").asLong(0) + " duplicates");
        result.check(counts.path("contacts").asLong(0) == n, "the job stored " + counts.path("contacts").asLong(0) + " contacts, expected " + n);
        long total = api.get("/api/v1/clients?size=1", Duration.ofSeconds(60)).path("total").asLong(-1);
        result.check(total == n, "GET /api/v1/clients reports " + total + " clients, expected " + n);
        Set<Long> probes = new LinkedHashSet<>();
        probes.add(0L);
        probes.add(1L);
        probes.add(n / 3);
        probes.add(n / 2 + 1);
        probes.add(n - 1);
        java.util.Random random = new java.util.Random(n);
        for (int i = 0; i < 5; i++) {
            probes.add((long) random.nextInt((int) Math.min(Integer.MAX_VALUE, n)));
        }
        for (long i : probes) {
            spotCheck(i, result);
        }
    }

    private void spotCheck(long i, Result result) throws IOException {
        ImportData.Row row = ImportData.row(i);
        JsonNode items = api.get("/api/v1/contacts?email=" + URLEncoder.encode(row.email(), StandardCharsets.UTF_8),
                Duration.ofSeconds(30)).path("items");
        if (items.size() != 1) {
            result.fail("row " + i + ": " + items.size() + " contacts with e-mail " + row.email() + ", expected 1");
            return;
        }
        JsonNode contact = items.get(0);
        result.check(row.contactName().equals(contact.path("name").asText()), "row " + i + ": contact name '" + contact.path("name").asText()
                + "', expected '" + row.contactName() + "'");
        result.check(contact.path("phones").size() == 1 && row.phone().equals(contact.path("phones").get(0).asText()),
                "row " + i + ": contact phones " + contact.path("phones") + ", expected [" + row.phone() + "]");
        result.check(row.language().equals(contact.path("language").asText()) && row.timeZone().equals(contact.path("timeZone").asText()),
                "row " + i + ": contact language/zone " + contact.path("language").asText() + "/" + contact.path("timeZone").asText());
        JsonNode client = api.get("/api/v1/clients/" + contact.path("clientId").asLong(), Duration.ofSeconds(30));
        result.check(row.name().equals(client.path("name").asText()), "row " + i + ": client name '" + client.path("name").asText()
                + "', expected '" + row.name() + "'");
        result.check(row.region().equals(client.path("region").asText()) && row.industry().equals(client.path("industry").asText()),
                "row " + i + ": client region/industry " + client.path("region").asText() + "/" + client.path("industry").asText()
                        + ", expected " + row.region() + "/" + row.industry());
        result.check(client.path("annualRevenue").decimalValue().compareTo(row.revenue()) == 0, "row " + i + ": annual revenue "
                + client.path("annualRevenue") + ", expected " + row.revenue());
    }

    /**
     * Waits until the search index holds the import: {@code GET /api/v1/search/status} counts at
     * least {@code n} client and {@code n} contact documents in its current searcher (polled every
     * 250 ms, for at most {@code cap}); answers the seconds since {@code since} (a {@link System#nanoTime()}),
     * or -1 when the cap passed first.
     */
    public double awaitSearchable(long n, long since, Duration cap) throws IOException {
        long deadline = System.nanoTime() + cap.toNanos();
        long lastReport = System.nanoTime();
        while (true) {
            JsonNode documents = api.get("/api/v1/search/status", Duration.ofSeconds(30)).path("documents");
            long clients = documents.path("client").asLong(0);
            long contacts = documents.path("contact").asLong(0);
            if (clients >= n && contacts >= n) {
                return (System.nanoTime() - since) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("  search index: %d clients, %d contacts%n", clients, contacts);
            }
            Server.sleep(250);
        }
    }

    /** Search hits of type client for {@code text} (e.g. the last imported company's name). */
    public long searchHits(String text) throws IOException {
        return api.get("/api/v1/search?type=client&size=1&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8), Duration.ofSeconds(30))
                .path("total").asLong(0);
    }

    /** Clients without a tier (not scored yet), from {@code GET /api/v1/clients/stats?by=tier}. */
    public long unscored() throws IOException {
        JsonNode counts = api.get("/api/v1/clients/stats?by=tier", Duration.ofSeconds(60)).path("counts");
        return counts.path("").asLong(0);
    }

    /** How the background scoring went: seconds until every client had a tier (-1: not within the cap), what was left, the rate. */
    public record Scoring(double settleSeconds, double waitedSeconds, long unscoredAtStart, long unscoredAtEnd) {
        boolean settled() {
            return settleSeconds >= 0;
        }

        /** Clients scored per second while waiting. */
        double rate() {
            return waitedSeconds <= 0 ? 0 : (unscoredAtStart - unscoredAtEnd) / waitedSeconds;
        }
    }

    /**
     * Waits until every client has a tier (the accounts bundle scored it), for at most {@code cap}.
     * Watches the server's CPU every second (cheap) and asks {@code /api/v1/clients/stats?by=tier}
     * (a GROUP BY over all clients, not cheap) only once the CPU has been quiet for 3 s, or every
     * {@code every} for progress; when settled, the quiet seconds are not counted.
     */
    public Scoring awaitScored(Duration every, Duration cap) throws IOException {
        long start = System.nanoTime();
        long first = unscored();
        long last = first;
        double lastAt = 0;
        long lastStats = System.nanoTime();
        double cpu = server.cpuSeconds();
        int quiet = 0;
        while (first > 0) {
            Server.sleep(1000);
            double now = server.cpuSeconds();
            quiet = now - cpu < 0.1 ? quiet + 1 : 0;
            cpu = now;
            double elapsed = (System.nanoTime() - start) / 1e9;
            boolean over = elapsed > cap.toSeconds();
            if (quiet >= 3 || over || System.nanoTime() - lastStats > every.toNanos()) {
                last = unscored();
                lastAt = (System.nanoTime() - start) / 1e9;
                lastStats = System.nanoTime();
                if (last == 0) {
                    double settled = quiet >= 3 ? elapsed - quiet : elapsed;
                    return new Scoring(settled, settled, first, 0);
                }
                System.out.printf("  scoring: %d clients without a tier after %.0f s%s%n", last, elapsed, quiet >= 3 ? " (CPU quiet)" : "");
                if (over) {
                    return new Scoring(-1, lastAt, first, last);
                }
            }
        }
        return new Scoring(0, 0, first, 0);
    }

    /**
     * Waits until the server's CPU use stays below {@code maxCores} over {@code quietSeconds}
     * consecutive one-second windows; answers the seconds waited, or -1 after {@code cap}.
     */
    public double awaitQuiet(double maxCores, int quietSeconds, Duration cap) throws IOException {
        long start = System.nanoTime();
        int quiet = 0;
        double before = server.cpuSeconds();
        while ((System.nanoTime() - start) / 1e9 < cap.toSeconds()) {
            Server.sleep(1000);
            double now = server.cpuSeconds();
            quiet = now - before < maxCores ? quiet + 1 : 0;
            before = now;
            if (quiet >= quietSeconds) {
                return (System.nanoTime() - start) / 1e9 - quietSeconds;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        server.close();
    }
}

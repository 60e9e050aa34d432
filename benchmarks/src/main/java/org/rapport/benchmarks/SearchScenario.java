package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.rapport.search.SearchRequest;
import org.rapport.search.SearchResult;
import org.rapport.search.internal.index.Analyzers;
import org.rapport.search.internal.index.Schema;
import org.rapport.search.internal.index.SearchIndex;
import org.rapport.search.internal.query.SearchEngine;

/**
 * {@code search}: N clients (with a contact each, imported through the product) and A articles
 * (created through REST), searched with a mix of Chinese and English queries — company words,
 * contact e-mails and phones, domains, topics — through REST at a fixed rate and in-process
 * through the search bundle's engine, against a raw Lucene {@link IndexSearcher} on the same index
 * doing the bare part of the work (analyse, one OR query over the fields, top 20, stored fields).
 */
public final class SearchScenario {
    private static final int TOP = 20;
    private static final int REST_RATE = 500;
    private static final long CHUNK = 250_000;

    private final Path dist;
    private final Path logs;
    private final long clients;
    private final long articles;
    private final int restSeconds;

    public SearchScenario(Path dist, Path logs, long clients) {
        this.dist = dist;
        this.logs = logs;
        this.clients = clients;
        this.articles = Math.max(100, clients / 100);
        this.restSeconds = 20;
    }

    /** A query with the record it must find near the top ({@code null}: a broad query). */
    record Query(String text, String type, Long expectedRow) {}

    public void run(Result result) throws Exception {
        Path work = Files.createTempDirectory("rapport-bench-search");
        Path data = work.resolve("data");
        List<Query> queries = queries();
        result.put("clients", clients).put("articles", articles).put("queries", queries.size());
        try (ProductImport product = ProductImport.start(dist, data, logs.resolve("search-server.log"))) {
            long t0 = System.nanoTime();
            importInChunks(product, work, result);
            Api api = product.api();
            for (long i = 0; i < articles; i++) {
                HttpResponse<String> r = api.postJson("/api/v1/articles", ArticleData.json(i), Duration.ofSeconds(30));
                if (r.statusCode() != 201) {
                    result.fail("creating article " + i + " answered " + r.statusCode());
                    break;
                }
            }
            JsonNode status = awaitIndexed(api, result);
            double indexedSeconds = (System.nanoTime() - t0) / 1e9;
            result.put("import_and_index_s", indexedSeconds);
            System.out.printf("imported %d clients and created %d articles; all indexed after %.1f s: %s%n", clients, articles, indexedSeconds,
                    status.path("documents"));
            Map<Query, Long> restTop = checkKnownItems(api, queries, result);
            sequential(api, queries, result);
            rest(api, queries, result);
            result.put("rss_mb", product.server().rssMb());
            System.out.println("REST checked " + restTop.size() + " known-item queries");
        }
        inProcess(data.resolve("search/index"), queries, result);
    }

    /** Imports the clients in files of at most {@value #CHUNK} rows (as a bank's bulk loads come, and within the import's size limit). */
    private void importInChunks(ProductImport product, Path work, Result result) throws IOException {
        Path csv = work.resolve("clients.csv");
        for (long from = 0; from < clients; from += CHUNK) {
            long to = Math.min(clients, from + CHUNK);
            ImportData.writeCsv(csv, from, to);
            JsonNode job = product.importCsv(csv).job();
            result.check(job.path("state").asText().equals("succeeded") && job.path("counts").path("imported").asLong() == to - from
                    && job.path("counts").path("rejected").asLong() == 0, "importing rows " + from + " to " + to + ": " + job.path("state")
                    + " " + job.path("counts"));
        }
        Files.deleteIfExists(csv);
    }

    private List<Query> queries() {
        List<Query> list = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            long row = (long) (random.nextDouble() * clients);
            ImportData.Row r = ImportData.row(row);
            switch (i % 4) {
                case 0 -> list.add(new Query(r.language().equals("zh") ? ImportData.han(row / 2) : ImportData.syllables(row / 2), "client", row));
                case 1 -> list.add(new Query(r.email(), "contact", row));
                case 2 -> list.add(new Query(r.phoneCell(), "contact", row));
                default -> list.add(new Query(r.email().substring(r.email().indexOf('@') + 1), null, null));
            }
        }
        for (String topic : ArticleData.TOPIC_QUERIES) {
            list.add(new Query(topic, null, null));
        }
        for (int i = 0; i < 10; i++) {
            list.add(new Query(ArticleData.codeWord((long) (random.nextDouble() * articles)), "article", null));
        }
        list.add(new Query("有限公司 贸易", null, null));
        list.add(new Query("Logistics Ltd", null, null));
        return list;
    }

    private JsonNode awaitIndexed(Api api, Result result) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        while (true) {
            JsonNode status = api.get("/api/v1/search/status", Duration.ofSeconds(30));
            JsonNode docs = status.path("documents");
            if (docs.path("client").asLong() == clients && docs.path("contact").asLong() == clients
                    && docs.path("article").asLong() == articles && status.path("pending").asLong() == 0) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                result.fail("the index did not hold every record within 60 min: " + status);
                return status;
            }
            Server.sleep(500);
        }
    }

    /** Each known-item query finds its record among the first three hits. */
    private Map<Query, Long> checkKnownItems(Api api, List<Query> queries, Result result) throws IOException {
        Map<Query, Long> found = new java.util.HashMap<>();
        int missed = 0;
        for (Query q : queries) {
            if (q.expectedRow() == null) {
                continue;
            }
            JsonNode r = api.get("/api/v1/search?size=3&q=" + URLEncoder.encode(q.text(), StandardCharsets.UTF_8)
                    + (q.type() == null ? "" : "&type=" + q.type()), Duration.ofSeconds(30));
            ImportData.Row row = ImportData.row(q.expectedRow());
            boolean hit = false;
            for (JsonNode item : r.path("items")) {
                String text = item.path("title").asText() + " " + item.path("subtitle").asText();
                if (text.contains(row.name()) || text.contains(row.contactName())) {
                    hit = true;
                    found.put(q, item.path("id").asLong());
                }
            }
            if (!hit) {
                missed++;
                System.out.println("  known item not in the top 3: " + q.text() + " → " + r.path("items"));
            }
        }
        result.put("known_item_misses", missed);
        result.check(missed == 0, missed + " known-item queries did not find their record in the top 3");
        return found;
    }

    /** One client, one request at a time: the service time of a REST search and the rate one connection reaches. */
    private void sequential(Api api, List<Query> queries, Result result) throws IOException {
        List<Double> latencies = new ArrayList<>();
        int rounds = 10;
        long start = 0;
        for (int round = 0; round < rounds + 2; round++) {
            if (round == 2) {
                start = System.nanoTime();
            }
            for (Query q : queries) {
                long t = System.nanoTime();
                api.get("/api/v1/search?size=" + TOP + "&q=" + URLEncoder.encode(q.text(), StandardCharsets.UTF_8), Duration.ofSeconds(30));
                if (round >= 2) {
                    latencies.add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        result.put("rest_seq_p50_ms", Stats.percentile(latencies, 50)).put("rest_seq_p99_ms", Stats.percentile(latencies, 99))
                .put("rest_seq_rate", latencies.size() / seconds);
        System.out.printf("REST, one at a time: %d searches, p50 %.1f ms, p99 %.1f ms, %.0f/s%n", latencies.size(),
                Stats.percentile(latencies, 50), Stats.percentile(latencies, 99), latencies.size() / seconds);
    }

    /** Open loop at REST_RATE requests per second; latency from the intended send time (no coordinated omission). */
    private void rest(Api api, List<Query> queries, Result result) throws InterruptedException {
        int total = REST_RATE * restSeconds;
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long periodNanos = 1_000_000_000L / REST_RATE;
        AtomicInteger sent = new AtomicInteger();
        timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            while (sent.get() < total && start + sent.get() * periodNanos <= now) {
                int i = sent.getAndIncrement();
                long intended = start + i * periodNanos;
                Query q = queries.get(i % queries.size());
                String path = "/api/v1/search?size=" + TOP + "&q=" + URLEncoder.encode(q.text(), StandardCharsets.UTF_8);
                pending.add(api.getAsync(path, Duration.ofSeconds(30)).handle((response, failure) -> {
                    if (failure != null) {
                        timeouts.incrementAndGet();
                    } else if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                    } else {
                        latencies.add((System.nanoTime() - intended) / 1e6);
                    }
                    return null;
                }));
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        timer.shutdown();
        long sentAll = System.nanoTime();
        CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> null).join();
        double seconds = (sentAll - start) / 1e9;
        List<Double> all = new ArrayList<>(latencies);
        result.put("rest_requests", total).put("rest_rate", total / seconds).put("rest_errors", errors.get())
                .put("rest_timeouts", timeouts.get())
                .put("rest_p50_ms", Stats.percentile(all, 50)).put("rest_p99_ms", Stats.percentile(all, 99));
        result.check(errors.get() == 0, errors.get() + " REST searches answered other than 200");
        System.out.printf("REST: %d searches sent at %.0f/s, p50 %.1f ms, p99 %.1f ms (of those answered), %d errors, %d not answered "
                + "within 30 s%n", total, total / seconds, Stats.percentile(all, 50), Stats.percentile(all, 99), errors.get(), timeouts.get());
    }

    /** The engine of the search bundle against a raw IndexSearcher, on the index the server left (server stopped). */
    private void inProcess(Path indexDir, List<Query> queries, Result result) throws IOException {
        try (SearchIndex index = new SearchIndex(indexDir, 1000, 300);
                DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
            result.check(!index.needsRebuild(), "the server left an index that needs a rebuild");
            SearchEngine engine = new SearchEngine(index);
            IndexSearcher raw = new IndexSearcher(reader);
            int rounds = 30;
            List<Double> ours = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            long totalOurs = 0;
            for (int round = 0; round < rounds + 5; round++) {
                for (Query q : queries) {
                    long t = System.nanoTime();
                    SearchResult r = engine.search(new SearchRequest(q.text(), q.type() == null ? Set.of() : Set.of(q.type()), Map.of(), 1, TOP),
                            SearchEngine.Viewer.ALL);
                    double oursMs = (System.nanoTime() - t) / 1e6;
                    t = System.nanoTime();
                    long rawHits = rawSearch(raw, q.text());
                    double bareMs = (System.nanoTime() - t) / 1e6;
                    if (round >= 5) {
                        ours.add(oursMs);
                        bare.add(bareMs);
                        totalOurs += r.total();
                    }
                    if (round == 0 && q.expectedRow() != null && r.total() == 0) {
                        result.fail("in-process search found nothing for " + q.text() + " (raw: " + rawHits + ")");
                    }
                }
            }
            double p50 = Stats.percentile(ours, 50);
            double p99 = Stats.percentile(ours, 99);
            double rawP50 = Stats.percentile(bare, 50);
            double rawP99 = Stats.percentile(bare, 99);
            result.put("inproc_p50_ms", p50).put("inproc_p99_ms", p99).put("raw_p50_ms", rawP50).put("raw_p99_ms", rawP99)
                    .put("ratio", p50 / rawP50).put("ratio_p99", p99 / rawP99).put("inproc_mean_hits", (double) totalOurs / ours.size());
            System.out.printf("in-process: p50 %.2f ms, p99 %.2f ms; raw IndexSearcher p50 %.2f ms, p99 %.2f ms%n", p50, p99, rawP50, rawP99);
        }
    }

    /** The bare work: both analyses, one OR query over every text field, top 20 with their stored fields. */
    private static long rawSearch(IndexSearcher searcher, String text) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Analyzer> analysis : Map.of("zh.", Analyzers.chinese(), "w.", Analyzers.words()).entrySet()) {
            for (Analyzers.Token token : Analyzers.tokens(analysis.getValue(), text)) {
                for (String field : Schema.TEXT_FIELDS.keySet()) {
                    if (clauses < 1000) {
                        any.add(new TermQuery(new Term(analysis.getKey() + field, token.term())), Occur.SHOULD);
                        clauses++;
                    }
                }
            }
        }
        ScoreDoc[] top = searcher.search(any.build(), TOP).scoreDocs;
        for (ScoreDoc sd : top) {
            searcher.storedFields().document(sd.doc);
        }
        return top.length;
    }
}

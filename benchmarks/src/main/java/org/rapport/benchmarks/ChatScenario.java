package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code chat}: {@code clients} concurrent WebSocket visitors on {@code /chat/ws} send messages at
 * {@code rate} per second in total for {@code seconds}; every message gets the bot's answer (the
 * full path: inbound stored, bot, compliance gate, outbox, dispatcher, the web chat adapter, the
 * socket). Measured: the time from sending a message to its answer arriving (p50 / p99), lost and
 * duplicated answers. Baseline in the same run: the same clients and rate against a WebSocket echo
 * on the same Jetty stack in the same server ({@code /bench/echo}, the wsecho fixture bundle).
 */
public final class ChatScenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Path dist;
    private final Path echoJar;
    private final Path logs;
    private final int clients;
    private final int rate;
    private final int seconds;

    public ChatScenario(Path dist, Path echoJar, Path logs, int clients, int rate, int seconds) {
        this.dist = dist;
        this.echoJar = echoJar;
        this.logs = logs;
        this.clients = clients;
        this.rate = rate;
        this.seconds = seconds;
    }

    /** One visitor's socket: what it sent (send times, in order) and what came back. */
    static final class Visitor implements WebSocket.Listener {
        final ConcurrentLinkedQueue<Long> pending = new ConcurrentLinkedQueue<>();
        final Set<Long> seqs = ConcurrentHashMap.newKeySet();
        final CompletableFuture<JsonNode> welcome = new CompletableFuture<>();
        final List<Double> latencies;
        final AtomicLong answers;
        final AtomicLong duplicates;
        final AtomicLong errors;
        volatile long measureFrom;
        final boolean echo;
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket ws;

        Visitor(boolean echo, List<Double> latencies, AtomicLong answers, AtomicLong duplicates, AtomicLong errors, long measureFrom) {
            this.echo = echo;
            this.latencies = latencies;
            this.answers = answers;
            this.duplicates = duplicates;
            this.errors = errors;
            this.measureFrom = measureFrom;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                try {
                    JsonNode f = JSON.readTree(text);
                    if (echo) {
                        answered(f.path("t").asLong(), now);
                    } else {
                        switch (f.path("type").asText()) {
                            case "welcome" -> welcome.complete(f);
                            case "message" -> {
                                long seq = f.path("seq").asLong();
                                if (!seqs.add(seq)) {
                                    duplicates.incrementAndGet();
                                } else {
                                    Long sent = pending.poll();
                                    if (sent == null) {
                                        duplicates.incrementAndGet(); // an answer to nothing
                                    } else {
                                        answered(sent, now);
                                    }
                                }
                                send("{\"type\":\"ack\",\"seq\":" + seq + "}");
                            }
                            case "error" -> errors.incrementAndGet();
                            default -> { }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
            webSocket.request(1);
            return null;
        }

        private void answered(long sentNanos, long now) {
            answers.incrementAndGet();
            if (sentNanos >= measureFrom) {
                synchronized (latencies) {
                    latencies.add((now - sentNanos) / 1e6);
                }
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        synchronized void send(String text) {
            ws.sendText(text, true).join(); // one frame at a time per socket
        }
    }

    /** The figures of one phase. */
    record Phase(int connected, long sent, long answers, long duplicates, long errors, List<Double> latencies, double seconds) {}

    public void run(Result result) throws Exception {
        Path data = Files.createTempDirectory("rapport-bench-data");
        Files.createDirectories(data.resolve("config"));
        Files.createDirectories(data.resolve("deploy"));
        // the benchmark's own limits: the chat's per-connection rate and the outbox's per-channel rate above the load offered
        Files.writeString(data.resolve("config/org.rapport.channel.webchat.cfg.json"), "{\"framesPerMinute\": 6000, \"burst\": 200}");
        Files.writeString(data.resolve("config/org.rapport.conversations.cfg.json"),
                "{\"rateLimits\": [\"email=200\", \"sms=100\", \"webchat=" + Math.max(500, rate * 4) + "\"]}");
        Jars.copyAtomically(echoJar, data.resolve("deploy/wsecho.jar"), data);
        try (Server server = Server.start(dist, data, logs.resolve("chat.log"))) {
            if (server.awaitHealthy(START_TIMEOUT) < 0) {
                result.fail("/health did not answer 200 within " + START_TIMEOUT.toSeconds() + " s" + server.exitNote());
                return;
            }
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while ((server.status("/chat/", Duration.ofSeconds(2)) != 200 || server.status("/bench/echo", Duration.ofSeconds(2)) == 404)
                    && System.nanoTime() < deadline) {
                Server.sleep(100);
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newFixedThreadPool(4)).build();
            System.out.println("chat: " + clients + " clients, " + rate + " msgs/s for " + seconds + " s; echo baseline first");
            Phase echo = phase(http, server.port(), true);
            Phase chat = phase(http, server.port(), false);
            report(result, echo, chat);
            result.put("server_cpu_s", server.cpuSeconds());
        } finally {
            Fs.deleteQuietly(data);
        }
    }

    private Phase phase(HttpClient http, int port, boolean echo) throws Exception {
        List<Double> latencies = new ArrayList<>();
        AtomicLong answers = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Visitor> visitors = new ArrayList<>();
        URI uri = URI.create("ws://127.0.0.1:" + port + (echo ? "/bench/echo" : "/chat/ws"));
        List<Visitor> pending = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            pending.add(new Visitor(echo, latencies, answers, duplicates, errors, Long.MAX_VALUE));
        }
        // connect in slices of 50 (a 2-core machine: thousands of handshakes at once only measure the backlog)
        for (int i = 0; i < pending.size(); i += 50) {
            List<CompletableFuture<WebSocket>> slice = new ArrayList<>();
            for (Visitor v : pending.subList(i, Math.min(pending.size(), i + 50))) {
                slice.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(uri, v).whenComplete((ws, e) -> {
                    if (ws != null) {
                        v.ws = ws;
                    }
                }));
            }
            for (CompletableFuture<WebSocket> f : slice) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
        }
        for (Visitor v : pending) {
            if (v.ws == null) {
                continue;
            }
            if (!echo) {
                v.send("{\"type\":\"hello\",\"lang\":\"en\"}");
            }
            visitors.add(v);
        }
        if (!echo) {
            List<Visitor> ready = new ArrayList<>();
            for (Visitor v : visitors) {
                try {
                    v.welcome.get(30, TimeUnit.SECONDS);
                    ready.add(v);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
            visitors = ready;
        }
        long t0 = System.nanoTime();
        long from = t0 + WARMUP_NANOS;
        for (Visitor v : visitors) {
            v.measureFrom = from; // the first seconds warm up and are not measured
        }
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
        AtomicLong sent = new AtomicLong();
        long periodMicros = Math.max(1, 1_000_000L * visitors.size() / rate);
        long endNanos = t0 + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong seq = new AtomicLong();
        for (Visitor v : visitors) {
            senders.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                if (now >= endNanos) {
                    return;
                }
                long k = seq.incrementAndGet();
                try {
                    if (echo) {
                        v.send("{\"t\":" + now + ",\"k\":" + k + ",\"text\":\"hello\"}");
                    } else {
                        v.pending.add(now);
                        v.send("{\"type\":\"message\",\"id\":\"b" + k + "\",\"text\":\"hello\"}");
                    }
                    sent.incrementAndGet();
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
            }, ThreadLocalRandom.current().nextLong(periodMicros), periodMicros, TimeUnit.MICROSECONDS);
        }
        while (System.nanoTime() < endNanos) {
            Server.sleep(200);
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (answers.get() < sent.get() && System.nanoTime() < drainUntil) {
            Server.sleep(100);
        }
        Server.sleep(1000); // late duplicates would arrive now
        for (Visitor v : visitors) {
            try {
                v.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                v.ws.abort();
            }
        }
        System.out.printf("  %s: %d connected, %d sent, %d answered, %d duplicates, %d errors%n", echo ? "echo" : "chat", visitors.size(),
                sent.get(), answers.get(), duplicates.get(), errors.get());
        return new Phase(visitors.size(), sent.get(), answers.get(), duplicates.get(), errors.get(), latencies, elapsed);
    }

    private void report(Result result, Phase echo, Phase chat) {
        double p99 = Stats.percentile(chat.latencies(), 99);
        double echoP99 = Stats.percentile(echo.latencies(), 99);
        result.put("clients", chat.connected())
                .put("msgs_per_s", chat.sent() / chat.seconds())
                .put("sent", chat.sent())
                .put("answers", chat.answers())
                .put("lost", chat.sent() - chat.answers())
                .put("duplicated", chat.duplicates())
                .put("p50_ms", Stats.median(chat.latencies()))
                .put("p99_ms", p99)
                .put("max_ms", Stats.max(chat.latencies()))
                .put("echo_p50_ms", Stats.median(echo.latencies()))
                .put("echo_p99_ms", echoP99)
                .put("echo_lost", echo.sent() - echo.answers())
                .put("ratio", echoP99 > 0 ? p99 / echoP99 : 0);
        result.check(chat.connected() == clients, "only " + chat.connected() + " of " + clients + " chat clients connected");
        result.check(echo.connected() == clients, "only " + echo.connected() + " of " + clients + " echo clients connected");
        result.check(chat.sent() > 0 && chat.sent() == chat.answers(), (chat.sent() - chat.answers()) + " bot answers lost");
        result.check(chat.duplicates() == 0, chat.duplicates() + " answers delivered twice");
        result.check(chat.errors() == 0, chat.errors() + " protocol errors (refused frames, failed sends)");
        result.check(echo.sent() == echo.answers(), (echo.sent() - echo.answers()) + " echoes lost");
    }
}

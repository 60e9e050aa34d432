package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server killed with SIGKILL in the middle of sending, then started again on the same
 * data: every client message that was accepted before the kill gets its answer, and none gets it
 * twice (the loopback adapter, in the server process, keeps what it sent on disk, de-duplicated by
 * the idempotency key; {@code repeats} counts how often the dispatcher handed a sent message over
 * again after the crash).
 */
class OutboxCrashIT {

    private static final Path BIN = Path.of(System.getProperty("rapport.dist"), "bin", "rapport");
    private static final Path LOOPBACK = Path.of(System.getProperty("rapport.fixtures"), "org.rapport.itest.loopback.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGES = 600;

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private int port;

    @AfterEach
    void killLeftovers() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private Process start(Path data) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(BIN.toString(), "--port", Integer.toString(port), "--data", data.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(temp.resolve("stdout.txt").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(temp.resolve("stderr.txt").toFile()));
        builder.environment().remove("RAPPORT_HTTP_PORT");
        builder.environment().remove("RAPPORT_DATA");
        Process process = builder.start();
        processes.add(process);
        await("the loopback adapter answers", Duration.ofSeconds(90), () -> status("/loopback/sent") == 200);
        return process;
    }

    private int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private JsonNode sent() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/loopback/sent")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static String sender(int i) {
        return "+86151" + String.format("%08d", i);
    }

    @Test
    void killedMidDispatchAndRestarted_nothingIsLostOrSentTwice() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = temp.resolve("data");
        Files.createDirectories(data.resolve("deploy"));
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/org.rapport.itest.loopback.cfg.json"), "{\"delayMillis\": 100}");
        Files.copy(LOOPBACK, data.resolve("deploy/loopback.jar"));
        Process server = start(data);

        // clients keep writing while the server is killed: what was accepted (200) must be answered
        java.util.Set<String> accepted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable writing = () -> {
            for (int i = next.getAndIncrement(); i < MESSAGES; i = next.getAndIncrement()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/loopback/inbound")).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"from\": \"" + sender(i) + "\", \"text\": \"hello\", \"id\": \"crash-" + i + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        accepted.add(sender(i));
                    }
                } catch (IOException e) {
                    return; // the server is gone
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            Thread writer = new Thread(writing, "writer-" + w);
            writers.add(writer);
            writer.start();
        }
        await("some answers sent", Duration.ofSeconds(60), () -> {
            try {
                return sent().path("items").size() >= 100;
            } catch (Exception e) {
                return false;
            }
        });
        int before = sent().path("items").size();
        server.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL, no shutdown hooks
        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (Thread writer : writers) {
            writer.join(30_000);
        }
        int acceptedBeforeKill = accepted.size();
        assertThat(before).as("killed in the middle of sending").isLessThan(acceptedBeforeKill);

        start(data);
        try {
            await("every answer delivered after the restart", Duration.ofSeconds(150), () -> {
                try {
                    JsonNode items = sent().path("items");
                    java.util.Set<String> answered = new java.util.HashSet<>();
                    items.forEach(m -> answered.add(m.path("to").asText()));
                    return answered.containsAll(accepted);
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            List<String> problems = Files.readAllLines(data.resolve("logs/rapport.log")).stream()
                    .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
            throw new AssertionError(e.getMessage() + ": " + sent().path("items").size() + " sent for " + accepted.size()
                    + " accepted; log: " + problems, e);
        }
        Thread.sleep(3000); // anything more would be a duplicate
        JsonNode state = sent();
        Map<String, Integer> perSender = new HashMap<>();
        for (JsonNode m : state.path("items")) {
            perSender.merge(m.path("to").asText(), 1, Integer::sum);
        }
        for (String sender : accepted) {
            assertThat(perSender.get(sender)).as("answers to %s", sender).isEqualTo(1);
        }
        assertThat(perSender.values()).as("nobody answered twice").allMatch(n -> n == 1);
        System.out.printf("OutboxCrashIT: %d messages accepted before the kill, %d answers sent before it; %d answers in all; "
                + "%d handed over again after the restart%n", acceptedBeforeKill, before, perSender.size(), state.path("repeats").asInt());
        assertThat(Files.readString(data.resolve("logs/rapport.log"), StandardCharsets.UTF_8)).doesNotContain("Incident");
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}

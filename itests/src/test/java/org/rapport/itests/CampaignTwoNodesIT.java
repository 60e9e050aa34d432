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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real servers on one PostgreSQL share a campaign: the run is launched on one node, both
 * nodes' loops claim its recipients and both nodes' outboxes deliver (each through its own loopback
 * adapter), and every recipient gets exactly one message across the two.
 */
class CampaignTwoNodesIT {
    private static final Path BIN = Path.of(System.getProperty("rapport.dist"), "bin", "rapport");
    private static final Path LOOPBACK = Path.of(System.getProperty("rapport.fixtures"), "org.rapport.itest.loopback.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "campaign-two-nodes-password";
    private static final int CONTACTS = 1000;
    private static final String MARK = "TWO-NODES";

    @TempDir
    Path temp;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopServers() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port + "/";
    }

    private Path dataDir(String name, String dbUrl) throws IOException {
        Path data = temp.resolve(name);
        Files.createDirectories(data.resolve("deploy"));
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/org.rapport.store.cfg.json"),
                "{\"type\": \"postgresql\", \"url\": \"" + dbUrl + "\", \"user\": \"postgres\", \"password\": \"\"}");
        Files.writeString(data.resolve("config/org.rapport.security.cfg.json"), "{\"initialAdminPassword\": \"" + PASSWORD + "\"}");
        Files.writeString(data.resolve("config/org.rapport.compliance.cfg.json"),
                "{\"defaultGranted\": [\"service\", \"care\"], \"frequencyCaps\": [\"care=10/30d\"]}");
        Files.writeString(data.resolve("config/org.rapport.campaigns.cfg.json"), "{\"tickMillis\": 50, \"batchSize\": 25}");
        Files.copy(LOOPBACK, data.resolve("deploy/loopback.jar"));
        return data;
    }

    private void start(Path data, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(BIN.toString(), "--port", Integer.toString(port), "--data", data.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolveSibling(data.getFileName() + "-stdout.txt").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(data.resolveSibling(data.getFileName() + "-stderr.txt").toFile()));
        builder.environment().remove("RAPPORT_HTTP_PORT");
        builder.environment().remove("RAPPORT_DATA");
        builder.environment().remove("RAPPORT_ADMIN_PASSWORD");
        processes.add(builder.start());
        HttpClient http = HttpClient.newHttpClient();
        await("node on " + port + " with its loopback adapter", Duration.ofSeconds(120), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base(port) + "loopback/sent")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200 && http.send(HttpRequest.newBuilder(URI.create(base(port) + "api/v1/campaigns")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 401;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static Map<String, Integer> sent(RestSession s) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode m : s.call("GET", "/loopback/sent", null).path("items")) {
            if (m.path("text").asText().startsWith(MARK)) {
                out.merge(m.path("to").asText(), 1, Integer::sum);
            }
        }
        return out;
    }

    @Test
    void twoNodesShareARunAndEachRecipientGetsOneMessage() throws Exception {
        String db = Postgres.createThrowawayDatabase();
        int portA = freePort();
        int portB = freePort();
        start(dataDir("node-a", db), portA);
        start(dataDir("node-b", db), portB);
        RestSession a = RestSession.signIn(base(portA), "admin", PASSWORD);
        RestSession b = RestSession.signIn(base(portB), "admin", PASSWORD);

        String awake = CampaignsIT.zoneAt(12);
        StringBuilder csv = new StringBuilder("company name,contact name,phone,preferred channel,language,time zone,tags\n");
        for (int i = 0; i < CONTACTS; i++) {
            csv.append("Two Nodes Co ").append(i).append(",Person ").append(i).append(',').append(String.format("+86153%08d", i))
                    .append(",sms,en,").append(awake).append(",two-nodes\n");
        }
        HttpResponse<String> started = a.http().send(HttpRequest.newBuilder(URI.create(base(portA) + "api/v1/clients/import"))
                .header("X-CSRF-Token", a.csrf()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = JSON.readTree(started.body()).path("id").asText();
        await("the import", Duration.ofSeconds(180), () -> {
            try {
                return a.call("GET", "/api/v1/jobs/" + job, null).path("state").asText().equals("succeeded");
            } catch (Exception e) {
                return false;
            }
        });

        JsonNode campaign = a.call("POST", "/api/v1/campaigns", Map.of("name", "Two nodes", "channel", "sms", "purpose", "care",
                "rateLimit", 200, "segment", Map.of("field", "tag", "op", "has", "value", "two-nodes"),
                "templates", Map.of("en", Map.of("body", MARK + " Dear {{ contact.name }}"))));
        long id = campaign.path("id").asLong();
        assertThat(a.call("POST", "/api/v1/campaigns/" + id + "/launch", null).path("targeted").asInt()).isEqualTo(CONTACTS);
        await("the run completes and every message is delivered", Duration.ofSeconds(240), () -> {
            try {
                Map<String, Integer> all = sent(a);
                sent(b).forEach((phone, n) -> all.merge(phone, n, Integer::sum));
                return b.call("GET", "/api/v1/campaigns/" + id + "/stats", null).path("state").asText().equals("completed")
                        && all.size() == CONTACTS;
            } catch (Exception e) {
                return false;
            }
        });
        Thread.sleep(2000); // anything more would be a duplicate
        Map<String, Integer> onA = sent(a);
        Map<String, Integer> onB = sent(b);
        Map<String, Integer> all = new HashMap<>(onA);
        onB.forEach((phone, n) -> all.merge(phone, n, Integer::sum));
        assertThat(all).hasSize(CONTACTS);
        assertThat(all.values()).as("nobody messaged twice across the nodes").allMatch(n -> n == 1);
        assertThat(onA).as("node A delivered some").isNotEmpty();
        assertThat(onB).as("node B delivered some").isNotEmpty();
        JsonNode stats = a.call("GET", "/api/v1/campaigns/" + id + "/stats", null);
        assertThat(stats.path("targeted").asInt()).isEqualTo(CONTACTS);
        assertThat(stats.path("pending").asInt()).isZero();
        assertThat(stats.path("skipped").asInt()).isZero();
        System.out.printf("CampaignTwoNodesIT: %d recipients, %d delivered by node A and %d by node B, each once%n", CONTACTS, onA.size(),
                onB.size());
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}

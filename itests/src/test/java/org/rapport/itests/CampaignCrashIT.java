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
 * The real server killed with SIGKILL in the middle of a campaign run, then started again on the
 * same data: the run completes, every recipient gets exactly one message (the loopback adapter in
 * the server process keeps what it sent on disk), nobody is lost and nobody is messaged twice.
 */
class CampaignCrashIT {
    private static final Path BIN = Path.of(System.getProperty("rapport.dist"), "bin", "rapport");
    private static final Path LOOPBACK = Path.of(System.getProperty("rapport.fixtures"), "org.rapport.itest.loopback.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "campaign-crash-password";
    private static final int CONTACTS = 600;
    private static final String MARK = "CRASH-MARK";

    @TempDir
    Path temp;

    private final List<Process> processes = new ArrayList<>();
    private int port;

    @AfterEach
    void killLeftovers() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    private Process start(Path data) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(BIN.toString(), "--port", Integer.toString(port), "--data", data.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(temp.resolve("stdout.txt").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(temp.resolve("stderr.txt").toFile()));
        builder.environment().remove("RAPPORT_HTTP_PORT");
        builder.environment().remove("RAPPORT_DATA");
        builder.environment().remove("RAPPORT_ADMIN_PASSWORD");
        Process process = builder.start();
        processes.add(process);
        HttpClient http = HttpClient.newHttpClient();
        await("the loopback adapter answers", Duration.ofSeconds(90), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base() + "loopback/sent")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return process;
    }

    /** Phone → messages of the campaign the adapter sent. */
    private Map<String, Integer> sent(RestSession s) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode m : s.call("GET", "/loopback/sent", null).path("items")) {
            if (m.path("text").asText().startsWith(MARK)) {
                out.merge(m.path("to").asText(), 1, Integer::sum);
            }
        }
        return out;
    }

    @Test
    void killedMidRunAndRestarted_everyRecipientGetsExactlyOneMessage() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = temp.resolve("data");
        Files.createDirectories(data.resolve("deploy"));
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/org.rapport.security.cfg.json"), "{\"initialAdminPassword\": \"" + PASSWORD + "\"}");
        Files.writeString(data.resolve("config/org.rapport.compliance.cfg.json"),
                "{\"defaultGranted\": [\"service\", \"care\"], \"frequencyCaps\": [\"care=10/30d\"]}");
        Files.writeString(data.resolve("config/org.rapport.campaigns.cfg.json"), "{\"tickMillis\": 100, \"batchSize\": 50}");
        Files.copy(LOOPBACK, data.resolve("deploy/loopback.jar"));
        Process server = start(data);
        RestSession admin = RestSession.signIn(base(), "admin", PASSWORD);

        String awake = CampaignsIT.zoneAt(12);
        StringBuilder csv = new StringBuilder("company name,contact name,phone,preferred channel,language,time zone,tags\n");
        for (int i = 0; i < CONTACTS; i++) {
            csv.append("Crash Co ").append(i).append(",Person ").append(i).append(',').append(String.format("+86152%08d", i))
                    .append(",sms,en,").append(awake).append(",crash\n");
        }
        HttpResponse<String> started = admin.http().send(HttpRequest.newBuilder(URI.create(base() + "api/v1/clients/import"))
                .header("X-CSRF-Token", admin.csrf()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = JSON.readTree(started.body()).path("id").asText();
        await("the import", Duration.ofSeconds(120), () -> {
            try {
                return admin.call("GET", "/api/v1/jobs/" + job, null).path("state").asText().equals("succeeded");
            } catch (Exception e) {
                return false;
            }
        });

        JsonNode campaign = admin.call("POST", "/api/v1/campaigns", Map.of("name", "Crash care", "channel", "sms", "purpose", "care",
                "rateLimit", 60, "segment", Map.of("field", "tag", "op", "has", "value", "crash"),
                "templates", Map.of("en", Map.of("body", MARK + " Dear {{ contact.name }}"))));
        long id = campaign.path("id").asLong();
        assertThat(admin.call("POST", "/api/v1/campaigns/" + id + "/launch", null).path("targeted").asInt()).isEqualTo(CONTACTS);
        await("part of the run sent", Duration.ofSeconds(60), () -> {
            try {
                return sent(admin).size() >= 120;
            } catch (Exception e) {
                return false;
            }
        });
        server.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL, no shutdown hooks
        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

        start(data);
        RestSession again = RestSession.signIn(base(), "admin", PASSWORD);
        int before = sent(again).size();
        assertThat(before).as("killed in the middle of the run").isLessThan(CONTACTS);
        try {
            await("the run completes after the restart", Duration.ofSeconds(150), () -> {
                try {
                    return again.call("GET", "/api/v1/campaigns/" + id + "/stats", null).path("state").asText().equals("completed")
                            && sent(again).size() == CONTACTS;
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + sent(again).size() + " recipients messaged; stats "
                    + again.call("GET", "/api/v1/campaigns/" + id + "/stats", null), e);
        }
        Thread.sleep(2000); // anything more would be a duplicate
        Map<String, Integer> perPhone = sent(again);
        assertThat(perPhone).hasSize(CONTACTS);
        assertThat(perPhone.values()).as("nobody messaged twice").allMatch(n -> n == 1);
        JsonNode stats = again.call("GET", "/api/v1/campaigns/" + id + "/stats", null);
        assertThat(stats.path("targeted").asInt()).isEqualTo(CONTACTS);
        assertThat(stats.path("skipped").asInt()).isZero();
        assertThat(stats.path("pending").asInt()).isZero();
        System.out.printf("CampaignCrashIT: %d of %d recipients messaged before the kill, all %d exactly once after the restart%n", before,
                CONTACTS, perPhone.size());
        assertThat(Files.readString(data.resolve("logs/rapport.log"), StandardCharsets.UTF_8)).doesNotContain("Incident");
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}

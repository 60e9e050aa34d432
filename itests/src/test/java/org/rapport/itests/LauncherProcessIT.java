package org.rapport.itests;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/rapport} as a user runs it, in its own process: it comes up and says where, stops
 * cleanly on SIGTERM, and refuses a busy port or a bad option with one clear line.
 */
class LauncherProcessIT {

    private static final Path BIN = Path.of(System.getProperty("rapport.dist"), "bin", "rapport");

    @TempDir
    Path data;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(BIN.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(data.resolve("stdout.txt").toFile())
                .redirectError(data.resolve("stderr.txt").toFile());
        builder.environment().remove("RAPPORT_HTTP_PORT");
        builder.environment().remove("RAPPORT_DATA");
        // the demo's mail server on free ports (it prints them): other servers on this machine may hold 3025 / 3143
        builder.environment().put("RAPPORT_DEVMAIL_SMTP_PORT", "0");
        builder.environment().put("RAPPORT_DEVMAIL_IMAP_PORT", "0");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private String stdout() throws IOException {
        return Files.readString(data.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }

    private String stderr() throws IOException {
        return Files.readString(data.resolve("stderr.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void startsAnnouncesAndStopsCleanlyOnSigterm() throws Exception {
        int port = freePort();
        Path dataDir = data.resolve("server-data");
        Process server = start("--port", Integer.toString(port), "--data", dataDir.toString());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!stdout().contains("Rapport is up") && System.nanoTime() < deadline && server.isAlive()) {
            Thread.sleep(100);
        }
        assertThat(stdout()).as("stderr: %s", stderr()).contains("Rapport is up", "http://localhost:" + port + "/");
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(dataDir.resolve("deploy")).isDirectory();
        assertThat(dataDir.resolve("logs/rapport.log")).exists();

        long stopStart = System.nanoTime();
        server.destroy(); // SIGTERM
        assertThat(server.waitFor(15, TimeUnit.SECONDS)).as("stopped within 15 s").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopStart)).isLessThan(Duration.ofSeconds(15));
        assertThat(stderr()).doesNotContain("Exception");
    }

    @Test
    void busyPortIsOneClearLine() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Process server = start("--port", Integer.toString(busy.getLocalPort()), "--data", data.resolve("d").toString());
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isNotZero();
            assertThat(stderr().strip().lines()).singleElement().asString()
                    .contains("port " + busy.getLocalPort() + " is already in use", "--port");
        }
    }

    @Test
    void badOptionsAreOneClearLine() throws Exception {
        Process server = start("--port", "http");
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(stderr().strip().lines()).singleElement().asString().contains("--port must be a port number");

        Process unknown = start("--bogus");
        assertThat(unknown.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(stderr().strip()).contains("unknown option '--bogus'");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

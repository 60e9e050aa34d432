package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Rapport server run as a child process ({@code bin/rapport --port P --data D}), always stopped in the end. */
public final class Server implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kill-servers"));
    }

    private final Process process;
    private final long spawnedNanos;
    private final int port;
    private final Path data;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();

    private Server(Process process, long spawnedNanos, int port, Path data) {
        this.process = process;
        this.spawnedNanos = spawnedNanos;
        this.port = port;
        this.data = data;
    }

    /** Spawns {@code dist/bin/rapport} on a free port with data in {@code data}, output to {@code log}; does not wait. */
    public static Server start(Path dist, Path data, Path log) throws IOException {
        int port = freePort();
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(dist.resolve("bin/rapport").toString(), "--port", Integer.toString(port),
                "--data", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the same JVM as the benchmark, so the baseline runs on the same one
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        long spawned = System.nanoTime();
        Process process = pb.start();
        RUNNING.add(process);
        return new Server(process, spawned, port, data);
    }

    /** A free TCP port on this machine (bound then released). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code /health} every 10 ms until it answers 200; returns the time from spawn to that
     * answer in ms, or -1 if it did not within {@code timeout} or the process died.
     */
    public double awaitHealthy(Duration timeout) {
        long deadline = spawnedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (status("/health", Duration.ofSeconds(2)) == 200) {
                return (System.nanoTime() - spawnedNanos) / 1e6;
            }
            sleep(10);
        }
        return -1;
    }

    /** The status of {@code GET path}, or -1 on a connection error or timeout. */
    public int status(String path, Duration timeout) {
        HttpResponse<String> response = get(path, timeout);
        return response == null ? -1 : response.statusCode();
    }

    /** {@code GET path}, or null on a connection error or timeout. */
    public HttpResponse<String> get(String path, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** {@code GET path} parsed as JSON; fails if it does not answer 200. */
    public JsonNode json(String path) throws IOException {
        HttpResponse<String> response = get(path, Duration.ofSeconds(10));
        if (response == null || response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + (response == null ? "nothing" : response.statusCode()) + exitNote());
        }
        return JSON.readTree(response.body());
    }

    /** A sample's value from {@code GET /metrics} (Prometheus text), e.g. {@code jvm_threads_live_threads}. */
    public double metric(String name) throws IOException {
        HttpResponse<String> response = get("/metrics", Duration.ofSeconds(10));
        if (response == null || response.statusCode() != 200) {
            throw new IOException("GET /metrics failed" + exitNote());
        }
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(response.body());
        if (!m.find()) {
            throw new IOException("no metric " + name + " in /metrics");
        }
        return Double.parseDouble(m.group(1));
    }

    /** Resident memory of the server process in MB ({@code VmRSS} of /proc/PID/status). */
    public double rssMb() throws IOException {
        return procStatus("VmRSS") / 1024.0;
    }

    /** Threads of the server process as the kernel counts them ({@code Threads} of /proc/PID/status). */
    public int osThreads() throws IOException {
        return (int) procStatus("Threads");
    }

    private long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + field + " in /proc/" + process.pid() + "/status");
    }

    /** CPU time (user + system) the server process has used so far, in seconds (/proc/PID/stat; clock ticks of 10 ms). */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // fields after the ")" closing the command name: state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** Bundles installed in the server's framework, counted in its Felix storage folder. */
    public int installedBundles() throws IOException {
        return Fs.installedBundles(data.resolve("cache/felix"));
    }

    /** Empty while the server runs; else says that (and how) it exited, e.g. killed by someone else. */
    public String exitNote() {
        return process.isAlive() ? "" : " (the server process exited with status " + process.exitValue() + ")";
    }

    public Path data() {
        return data;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the server with SIGTERM and waits for it to exit (killing it after 30 s). */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                System.out.println("server " + process.pid() + " did not stop within 30 s after SIGTERM; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

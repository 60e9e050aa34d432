package org.rapport.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.bundleStartLevel;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.rapport.runtime.BundleSpec;
import org.rapport.runtime.Distribution;
import org.rapport.runtime.Options;

/**
 * Base of the in-container tests: boots the distribution's bundles (the same list and framework
 * properties as {@code bin/rapport}) in Felix with a fresh data directory and a random HTTP
 * port, and offers HTTP, JSON and waiting helpers to the test methods that run inside.
 */
public abstract class RapportTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    protected BundleContext context;

    // HTTP/1.1: the server speaks no h2c, so no upgrade attempt on each new connection
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Options for a server with a new data directory; {@code prepare} may write files into it before boot. */
    protected static Option[] rapport(DataDirPreparer prepare) {
        try {
            Path data = Files.createTempDirectory("rapport-it-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(data)));
            Distribution.prepareDataDir(data);
            prepare.prepare(data);
            Distribution distribution = new Distribution(Path.of(System.getProperty("rapport.dist")));
            Options options = new Options(false, freePort(), data, false);
            List<Option> result = new ArrayList<>();
            for (Map.Entry<String, String> p : distribution.frameworkProperties(options).entrySet()) {
                if (!p.getKey().startsWith("org.osgi.framework.storage")) { // Pax Exam owns the storage
                    result.add(frameworkProperty(p.getKey()).value(p.getValue()));
                }
            }
            result.add(systemProperty("logback.configurationFile").value(distribution.logbackConfig().toString()));
            result.add(systemProperty("rapport.data").value(data.toString()));
            result.add(frameworkProperty("rapport.fixtures").value(System.getProperty("rapport.fixtures")));
            result.add(frameworkStartLevel(Distribution.FRAMEWORK_START_LEVEL));
            for (BundleSpec spec : distribution.bundles()) {
                result.add(bundle(spec.jar().toUri().toString()).startLevel(spec.startLevel()));
            }
            result.add(bundleStartLevel(3)); // Pax Exam's own bundles: after SPI Fly and logging (levels 1, 2)
            result.add(junitBundles());
            return result.toArray(new Option[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static Option[] rapport() {
        return rapport(data -> { });
    }

    /** Writes files into a data directory before the server boots. */
    @FunctionalInterface
    protected interface DataDirPreparer {
        void prepare(Path data) throws IOException;
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    protected Path dataDir() {
        return Path.of(context.getProperty("rapport.data"));
    }

    protected Path fixture(String name) {
        return Path.of(context.getProperty("rapport.fixtures"), name);
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + context.getProperty("rapport.http.port") + path);
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException closed) {
                    // the connection closed before any response began (seen rarely on CI as an EOF or a broken pipe, cause not
                    // pinned down: a kept-alive connection closed as the request went out on it): sent again, up to three times,
                    // a little later each time; an answer that is wrong still fails the test
                    if (attempt == 3 || !closedUnderIt(closed)) {
                        throw closed;
                    }
                    System.err.println(closed + " before any response to " + request.method() + " " + request.uri() + "; sending it again");
                    Thread.sleep(200L * attempt);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean closedUnderIt(IOException e) {
        String message = String.valueOf(e.getMessage());
        return e instanceof java.io.EOFException || message.contains("Broken pipe") || message.contains("Connection reset");
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** Polls {@code condition} until it holds or the timeout passes, then fails with {@code what}. */
    protected static void await(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
                last = null;
            } catch (RuntimeException | AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what, last);
    }

    /** Waits until /health answers 200 UP and returns its body. */
    protected JsonNode awaitHealthUp() {
        JsonNode[] body = new JsonNode[1];
        try {
            await("/health UP", TIMEOUT, () -> {
                HttpResponse<String> response = get("/health");
                body[0] = json(response);
                return response.statusCode() == 200 && "UP".equals(body[0].path("status").asText());
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer's problems: "
                    + (body[0] == null ? "none (no answer)" : body[0].path("problems")), e.getCause());
        }
        return body[0];
    }
}

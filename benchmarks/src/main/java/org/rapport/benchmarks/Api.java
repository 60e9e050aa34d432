package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A signed-in REST session on a server: the session cookie and the CSRF token of {@code POST /api/v1/auth/login}. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private String cookie;
    private String csrf;

    private Api(int port) {
        this.port = port;
    }

    /** Signs in as {@code username}, retrying until the login answers 200 or {@code timeout} passes. */
    public static Api signIn(Server server, String username, String password, Duration timeout) throws IOException {
        Api api = new Api(server.port());
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> login = api.http.send(HttpRequest.newBuilder(api.uri("/api/v1/auth/login"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (login.statusCode() == 200) {
                    api.csrf = JSON.readTree(login.body()).path("csrfToken").asText();
                    api.cookie = login.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith("RAPPORT_SESSION="))
                            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                            .findFirst().orElseThrow(() -> new IOException("the login set no RAPPORT_SESSION cookie"));
                    return api;
                }
                last = login.statusCode() + " " + login.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            Server.sleep(250);
        }
        throw new IOException("could not sign in as " + username + " within " + timeout.toSeconds() + " s: " + last + server.exitNote());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(timeout);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return b;
    }

    /** {@code GET path} as JSON; fails unless it answers 200. */
    public JsonNode get(String path, Duration timeout) throws IOException {
        HttpResponse<String> response = send(request(path, timeout).GET().build());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return JSON.readTree(response.body());
    }

    /** {@code POST path} with {@code file} as the body; answers the status and the body as JSON (null when not JSON). */
    public HttpResponse<String> postFile(String path, Path file, String contentType, Duration timeout) throws IOException {
        return send(request(path, timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
    }

    /** {@code POST path} with a JSON body; answers the status and the body. */
    public HttpResponse<String> postJson(String path, String json, Duration timeout) throws IOException {
        return send(request(path, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** {@code GET path} without waiting: for load generation. */
    public java.util.concurrent.CompletableFuture<HttpResponse<String>> getAsync(String path, Duration timeout) {
        return http.sendAsync(request(path, timeout).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static JsonNode parse(String body) throws IOException {
        return JSON.readTree(body);
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

package org.rapport.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A signed-in REST session (cookie and CSRF token) against a server process, for making the browser tests' fixtures. */
record RestSession(HttpClient http, String base, String csrf) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Signs in, retrying for up to a minute while the server starts. */
    static RestSession signIn(String base, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username, "password", password))))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200) {
                return new RestSession(http, base, JSON.readTree(response.body()).path("csrfToken").asText());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sign-in not ready after 60 s: " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(300);
        }
    }

    /** Calls the API; a non-2xx answer fails the test. Answers a JSON body as a tree, anything else as a null node. */
    JsonNode call(String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.substring(1))).header("Accept", "application/json")
                .header("X-CSRF-Token", csrf);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        return type.startsWith("application/json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.nullNode();
    }
}

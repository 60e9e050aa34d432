package org.rapport.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.FrameworkPropertyOption;

/**
 * Helpers for the security tests: a demo-mode server, signing in, and requests carrying a
 * session cookie, a CSRF token or an API token.
 */
public abstract class SecurityTestSupport extends RapportTestSupport {

    /** A signed-in session: its cookie value and CSRF token. */
    protected record Session(String cookie, String csrfToken, JsonNode user) {
    }

    /**
     * The distribution's options with {@code rapport.demo=true} (replacing the launcher's "false"), its mail server on
     * free ports.
     */
    protected static Option[] demo(DataDirPreparer prepare) {
        List<Option> options = new ArrayList<>();
        for (Option option : rapport(prepare)) {
            if (!(option instanceof FrameworkPropertyOption p && "rapport.demo".equals(p.getKey()))) {
                options.add(option);
            }
        }
        options.add(CoreOptions.frameworkProperty("rapport.demo").value("true"));
        // the demo's mail server on free ports: another server on this machine may hold 3025 / 3143, and then /health
        // would stay DOWN for the whole test
        options.add(CoreOptions.frameworkProperty("rapport.devmail.smtp.port").value("0"));
        options.add(CoreOptions.frameworkProperty("rapport.devmail.imap.port").value("0"));
        return options.toArray(new Option[0]);
    }

    /** Waits until the security bundle answers (its schema migrated, its servlets registered). */
    protected void awaitSecurity() {
        awaitHealthUp();
        await("/api/v1/auth/me answers 401", TIMEOUT, () -> get("/api/v1/auth/me").statusCode() == 401);
        await("login endpoint", TIMEOUT, () -> post("/api/v1/auth/login", "{}", null, null, null).statusCode() == 400);
    }

    protected HttpResponse<String> login(String username, String password) {
        return post("/api/v1/auth/login", "{\"username\": " + quote(username) + ", \"password\": " + quote(password) + "}",
                null, null, null);
    }

    protected Session signIn(String username, String password) {
        HttpResponse<String> response = login(username, password);
        assertEquals(username + " signs in: " + response.body(), 200, response.statusCode());
        return new Session(cookieValue(response), json(response).path("csrfToken").asText(), json(response).path("user"));
    }

    /** The RAPPORT_SESSION value a response sets (null when it sets none). */
    protected static String cookieValue(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith("RAPPORT_SESSION=")) {
                return header.substring("RAPPORT_SESSION=".length(), header.indexOf(';'));
            }
        }
        return null;
    }

    protected static String setCookieHeader(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("RAPPORT_SESSION=")).findFirst()
                .orElse("");
    }

    protected HttpResponse<String> get(String path, Session session) {
        return send(builder(path, session, null, null).GET().build());
    }

    protected HttpResponse<String> getWithToken(String path, String token) {
        return send(builder(path, null, null, token).GET().build());
    }

    /** A JSON POST; {@code csrf} may differ from the session's (null: no header). */
    protected HttpResponse<String> post(String path, String body, Session session, String csrf, String token) {
        return send(builder(path, session, csrf, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected HttpResponse<String> put(String path, String body, Session session) {
        return send(builder(path, session, session.csrfToken(), null).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    protected HttpResponse<String> delete(String path, Session session, String token) {
        return send(builder(path, session, session == null ? null : session.csrfToken(), token).DELETE().build());
    }

    private HttpRequest.Builder builder(String path, Session session, String csrf, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (session != null) {
            builder.header("Cookie", "RAPPORT_SESSION=" + session.cookie());
        }
        if (csrf != null) {
            builder.header("X-CSRF-Token", csrf);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** A service property's values as a set of strings (a String, String[], collection or Boolean). */
    protected static java.util.Set<String> propertyValues(Object value) {
        java.util.Set<String> result = new java.util.TreeSet<>();
        if (value instanceof String s) {
            result.add(s);
        } else if (value instanceof String[] array) {
            result.addAll(java.util.Arrays.asList(array));
        } else if (value instanceof java.util.Collection<?> c) {
            c.forEach(o -> result.add(String.valueOf(o)));
        } else if (value instanceof Boolean b) {
            result.add(b.toString());
        }
        return result;
    }

    protected static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

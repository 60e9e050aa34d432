package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Every REST servlet of the running server under {@code /api/}, for anonymous callers and each
 * demo role, is allowed or denied exactly as its access declaration says; plus CSRF, lockout,
 * token revocation and token scopes. One server for the class: each test uses its own user or token.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthorizationMatrixIT extends SecurityTestSupport {

    private static final List<String> ROLES = List.of("admin", "manager", "agent", "auditor");

    @Configuration
    public Option[] config() {
        return demo(data -> { });
    }

    /** GET pattern path → declared read access, for every servlet with a pattern under /api/. */
    private Map<String, Set<String>> apiEndpoints() throws InvalidSyntaxException {
        Map<String, Set<String>> endpoints = new TreeMap<>();
        ServiceReference<?>[] refs = context.getAllServiceReferences("jakarta.servlet.Servlet", null);
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Set<String> read = propertyValues(ref.getProperty("rapport.access.read"));
            for (String pattern : propertyValues(ref.getProperty("osgi.http.whiteboard.servlet.pattern"))) {
                if (pattern.startsWith("/api/")) {
                    endpoints.put(pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern, read);
                }
            }
            // sub-resources below another resource (e.g. /api/v1/contacts/*/consents): a '*' segment stands for an id
            for (String pattern : propertyValues(ref.getProperty("rapport.subresource.pattern"))) {
                if (pattern.startsWith("/api/")) {
                    endpoints.put(pattern.replace("/*/", "/1/"), read);
                }
            }
        }
        return endpoints;
    }


    /** The status class a caller must get: "allowed", 401 or 403. */
    private static String expected(Set<String> read, String role) {
        Set<String> lower = new TreeSet<>();
        read.forEach(r -> Arrays.stream(r.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).forEach(lower::add));
        if (lower.isEmpty()) {
            return "403";
        }
        if (lower.contains("public")) {
            return "allowed";
        }
        if (role == null) {
            return "401";
        }
        return lower.contains("authenticated") || lower.contains(role) ? "allowed" : "403";
    }

    @Test
    public void everyApiServletIsGuardedAsItDeclares() throws Exception {
        awaitSecurity();
        await("the compliance bundle's resources", TIMEOUT, () -> get("/api/v1/audit").statusCode() == 401
                && get("/api/v1/contacts/1/consents").statusCode() == 401);
        Map<String, Set<String>> endpoints = apiEndpoints();
        assertTrue("the security bundle's own endpoints are found: " + endpoints.keySet(),
                endpoints.keySet().containsAll(List.of("/api/v1/auth/login", "/api/v1/auth/me", "/api/v1/users", "/api/v1/tokens")));
        assertTrue("the compliance bundle's resources and sub-resources are found: " + endpoints.keySet(),
                endpoints.keySet().containsAll(List.of("/api/v1/audit", "/api/v1/compliance/check", "/api/v1/contacts/1/consents",
                        "/api/v1/contacts/1/export")));
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (String role : ROLES) {
            sessions.put(role, signIn(role, "demo"));
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> endpoint : endpoints.entrySet()) {
            List<String> callers = new ArrayList<>();
            callers.add(null);
            callers.addAll(ROLES);
            for (String role : callers) {
                HttpResponse<String> response = role == null ? get(endpoint.getKey()) : get(endpoint.getKey(), sessions.get(role));
                String want = expected(endpoint.getValue(), role);
                int status = response.statusCode();
                boolean ok = "allowed".equals(want) ? status != 401 && status != 403 : status == Integer.parseInt(want);
                if (!ok) {
                    wrong.add("GET " + endpoint.getKey() + " as " + (role == null ? "anonymous" : role) + ": expected " + want
                            + ", got " + status + " " + response.body());
                } else if (!"allowed".equals(want)) {
                    assertTrue("a refusal is a JSON error: " + response.body(), json(response).has("error"));
                }
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
        articlesAreWrittenByAdminsAndManagersAndOnlyAdminsRebuildTheIndex();
    }

    @Test
    public void sessionWritesNeedTheCsrfToken() {
        awaitSecurity();
        Session agent = signIn("agent", "demo");
        String body = "{\"name\": \"csrf check\", \"scopes\": [\"*\"]}";
        HttpResponse<String> without = post("/api/v1/tokens", body, agent, null, null);
        assertEquals(without.body(), 403, without.statusCode());
        assertEquals("csrf", json(without).path("error").asText());
        HttpResponse<String> wrongToken = post("/api/v1/tokens", body, agent, "not-the-token", null);
        assertEquals(403, wrongToken.statusCode());
        HttpResponse<String> with = post("/api/v1/tokens", body, agent, agent.csrfToken(), null);
        assertNotEquals(with.body(), 403, with.statusCode());
        assertEquals(with.body(), 201, with.statusCode());
    }

    @Test
    public void repeatedBadPasswordsLockTheUsername() {
        awaitSecurity();
        Session admin = signIn("admin", "demo");
        HttpResponse<String> created = post("/api/v1/users",
                "{\"username\": \"lock.me\", \"password\": \"long-enough\", \"roles\": [\"agent\"]}", admin, admin.csrfToken(), null);
        assertEquals(created.body(), 201, created.statusCode());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> bad = login("lock.me", "wrong-" + i);
            assertEquals(bad.body(), 401, bad.statusCode());
            assertEquals("invalid_credentials", json(bad).path("error").asText());
        }
        HttpResponse<String> locked = login("lock.me", "long-enough");
        assertEquals(locked.body(), 429, locked.statusCode());
        JsonNode body = json(locked);
        assertEquals("locked", body.path("error").asText());
        assertTrue(body.toString(), body.path("retryAfterSeconds").asLong() > 0);
        assertEquals(body.path("retryAfterSeconds").asText(), locked.headers().firstValue("Retry-After").orElse(""));
        assertEquals("another username is not affected", 200, login("manager", "demo").statusCode());
    }

    @Test
    public void aRevokedTokenIsRefused() {
        awaitSecurity();
        Session admin = signIn("admin", "demo");
        HttpResponse<String> created = post("/api/v1/tokens", "{\"name\": \"revoke me\", \"scopes\": [\"*\"]}", admin,
                admin.csrfToken(), null);
        assertEquals(created.body(), 201, created.statusCode());
        String token = json(created).path("token").asText();
        assertTrue(token, token.startsWith("rpt_"));
        HttpResponse<String> users = getWithToken("/api/v1/users", token);
        assertEquals(users.body(), 200, users.statusCode());
        assertFalse("the secret is never listed again", get("/api/v1/tokens", admin).body().contains(token));

        HttpResponse<String> revoked = delete("/api/v1/tokens/" + json(created).path("id").asText(), admin, null);
        assertEquals(revoked.body(), 204, revoked.statusCode());
        HttpResponse<String> after = getWithToken("/api/v1/users", token);
        assertEquals(after.body(), 401, after.statusCode());
        assertEquals("invalid_token", json(after).path("error").asText());
    }

    @Test
    public void aTokenWithoutTheResourcesScopeIsRefused() {
        awaitSecurity();
        Session admin = signIn("admin", "demo");
        HttpResponse<String> created = post("/api/v1/tokens", "{\"name\": \"tokens only\", \"scopes\": [\"tokens\"]}", admin,
                admin.csrfToken(), null);
        assertEquals(created.body(), 201, created.statusCode());
        String token = json(created).path("token").asText();
        HttpResponse<String> users = getWithToken("/api/v1/users", token);
        assertEquals(users.body(), 403, users.statusCode());
        assertEquals("scope", json(users).path("error").asText());
        assertEquals(200, getWithToken("/api/v1/tokens", token).statusCode());
        HttpResponse<String> noCsrfNeeded = post("/api/v1/tokens", "{\"name\": \"by token\", \"scopes\": [\"tokens\"]}", null, null,
                token);
        assertEquals(noCsrfNeeded.body(), 201, noCsrfNeeded.statusCode());
    }

    @Test
    public void aTokenCannotHaveMoreRolesThanItsCreator() {
        awaitSecurity();
        Session agent = signIn("agent", "demo");
        HttpResponse<String> response = post("/api/v1/tokens", "{\"name\": \"x\", \"scopes\": [\"*\"], \"roles\": [\"admin\"]}",
                agent, agent.csrfToken(), null);
        assertEquals(response.body(), 400, response.statusCode());
        assertTrue(response.body(), json(response).path("fields").has("roles"));
    }

    @Test
    public void unknownApiPathsAre404AndPublicEndpointsStayOpen() {
        awaitSecurity();
        assertEquals(404, get("/api/v1/no-such-thing").statusCode());
        assertEquals(200, get("/health").statusCode());
        assertEquals(200, get("/metrics").statusCode());
    }

    /** Articles are written by admins and managers, read and searched by every role; only an admin rebuilds the index. */
    private void articlesAreWrittenByAdminsAndManagersAndOnlyAdminsRebuildTheIndex() throws Exception {
        await("education and search", TIMEOUT, () -> apiEndpointsOrEmpty().keySet().containsAll(List.of("/api/v1/articles", "/api/v1/search")));
        String article = "{\"title\": \"Matrix\", \"body\": \"text\", \"language\": \"en\", \"category\": \"test\"}";
        for (String role : ROLES) {
            Session session = signIn(role, "demo");
            int write = post("/api/v1/articles", article, session, session.csrfToken(), null).statusCode();
            assertEquals(role + " writes articles", role.equals("admin") || role.equals("manager") ? 201 : 403, write);
            assertEquals(role + " reads articles", 200, get("/api/v1/articles", session).statusCode());
            assertEquals(role + " searches", 200, get("/api/v1/search?q=matrix", session).statusCode());
            int rebuild = post("/api/v1/search/rebuild", "{}", session, session.csrfToken(), null).statusCode();
            assertTrue(role + " rebuilds: " + rebuild, role.equals("admin") ? rebuild == 202 || rebuild == 409 : rebuild == 403);
        }
        assertEquals(401, post("/api/v1/articles", article, null, null, null).statusCode());
        assertEquals("the public page needs no sign-in", 404, get("/kb/articles/999999").statusCode());
    }

    private Map<String, Set<String>> apiEndpointsOrEmpty() {
        try {
            return apiEndpoints();
        } catch (InvalidSyntaxException e) {
            return Map.of();
        }
    }
}

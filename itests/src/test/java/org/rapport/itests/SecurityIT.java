package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Sign-in, sessions and staff accounts on a normal (non-demo) server whose first admin gets its
 * password from {@code DATA/config/org.rapport.security.cfg.json}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SecurityIT extends SecurityTestSupport {

    private static final String ADMIN_PASSWORD = "first-admin-Pa55";

    @Configuration
    public Option[] config() {
        return rapport(data -> Files.writeString(data.resolve("config/org.rapport.security.cfg.json"),
                "{\"initialAdminPassword\": \"" + ADMIN_PASSWORD + "\"}"));
    }

    @Test
    public void firstAdminSignsInWithTheConfiguredPassword_andNoDemoUsersExist() {
        awaitSecurity();
        Session admin = signIn("admin", ADMIN_PASSWORD);
        assertEquals("admin", admin.user().path("username").asText());
        assertEquals("[\"admin\"]", admin.user().path("roles").toString());
        assertEquals(401, login("agent", "demo").statusCode());
        String users = json(get("/api/v1/users", admin)).path("items").toString();
        for (String demoUser : new String[] {"manager", "agent", "auditor"}) {
            assertFalse(users, users.contains("\"username\":\"" + demoUser + "\""));
        }
    }

    @Test
    public void loginMeLogout() {
        awaitSecurity();
        HttpResponse<String> wrongPassword = login("admin", "wrong");
        HttpResponse<String> unknownUser = login("no-such-user", "wrong");
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        assertEquals("invalid_credentials", json(wrongPassword).path("error").asText());
        assertEquals("the same answer for both", json(wrongPassword).toString(), json(unknownUser).toString());
        assertNotNull(json(wrongPassword).path("message").asText(null));

        HttpResponse<String> ok = login("ADMIN", ADMIN_PASSWORD);
        assertEquals(ok.body(), 200, ok.statusCode());
        String cookie = setCookieHeader(ok);
        assertTrue(cookie, cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"));
        assertFalse("plain HTTP: not Secure", cookie.contains("Secure"));
        JsonNode body = json(ok);
        assertTrue(body.toString(), body.path("user").path("id").asLong() > 0);
        assertEquals("admin", body.path("user").path("username").asText());
        assertFalse(body.path("user").path("displayName").asText().isEmpty());
        String csrf = body.path("csrfToken").asText();
        assertTrue(csrf, csrf.length() >= 32);
        Session session = new Session(cookieValue(ok), csrf, body.path("user"));

        HttpResponse<String> me = get("/api/v1/auth/me", session);
        assertEquals(me.body(), 200, me.statusCode());
        assertEquals(body.toString(), json(me).toString());
        assertEquals(401, get("/api/v1/auth/me").statusCode());

        HttpResponse<String> logout = post("/api/v1/auth/logout", "", session, csrf, null);
        assertEquals(204, logout.statusCode());
        assertTrue(setCookieHeader(logout), setCookieHeader(logout).contains("Max-Age=0"));
        assertEquals(401, get("/api/v1/auth/me", session).statusCode());
    }

    @Test
    public void signingInAgainRotatesTheSessionId() {
        awaitSecurity();
        Session first = signIn("admin", ADMIN_PASSWORD);
        HttpResponse<String> again = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("Cookie", "RAPPORT_SESSION=" + first.cookie())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"admin\", \"password\": \"" + ADMIN_PASSWORD + "\"}")).build());
        assertEquals(200, again.statusCode());
        assertNotEquals(first.cookie(), cookieValue(again));
        assertEquals("the old id is gone", 401, get("/api/v1/auth/me", first).statusCode());
    }

    @Test
    public void usersCrud() {
        awaitSecurity();
        Session admin = signIn("admin", ADMIN_PASSWORD);
        HttpResponse<String> created = post("/api/v1/users", "{\"username\": \"wang.fang\", \"displayName\": \"王芳\", "
                + "\"password\": \"long-enough-1\", \"roles\": [\"manager\", \"agent\"]}", admin, admin.csrfToken(), null);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode user = json(created);
        long id = user.path("id").asLong();
        assertEquals("王芳", user.path("displayName").asText());
        assertEquals("[\"manager\",\"agent\"]", user.path("roles").toString());
        assertTrue(user.path("enabled").asBoolean());
        assertFalse(user.has("password") || created.body().contains("argon2"));

        HttpResponse<String> duplicate = post("/api/v1/users", "{\"username\": \"WANG.FANG\", \"password\": \"long-enough-1\", "
                + "\"roles\": [\"agent\"]}", admin, admin.csrfToken(), null);
        assertEquals(duplicate.body(), 409, duplicate.statusCode());

        HttpResponse<String> invalid = post("/api/v1/users", "{\"username\": \"-\", \"password\": \"short\", "
                + "\"roles\": [\"pilot\"]}", admin, admin.csrfToken(), null);
        assertEquals(invalid.body(), 400, invalid.statusCode());
        JsonNode fields = json(invalid).path("fields");
        assertTrue(fields.toString(), fields.has("username") && fields.has("password") && fields.has("roles"));
        HttpResponse<String> malformed = post("/api/v1/users", "{\"username\": ", admin, admin.csrfToken(), null);
        assertEquals(400, malformed.statusCode());

        JsonNode list = json(get("/api/v1/users", admin));
        assertTrue(list.toString(), list.path("items").toString().contains("wang.fang"));
        JsonNode one = json(get("/api/v1/users/" + id, admin));
        assertEquals("wang.fang", one.path("username").asText());
        assertTrue(one.has("createdAt") && one.has("lastLoginAt"));
        assertEquals(404, get("/api/v1/users/99999", admin).statusCode());
        assertEquals(404, get("/api/v1/users/abc", admin).statusCode());

        HttpResponse<String> updated = put("/api/v1/users/" + id, "{\"displayName\": \"Wang Fang\", \"roles\": [\"auditor\"]}", admin);
        assertEquals(updated.body(), 200, updated.statusCode());
        assertEquals("Wang Fang", json(updated).path("displayName").asText());
        assertEquals("[\"auditor\"]", json(updated).path("roles").toString());

        Session wang = signIn("wang.fang", "long-enough-1");
        assertEquals("an auditor may not list users", 403, get("/api/v1/users", wang).statusCode());
        assertEquals("an auditor may not create users", 403, post("/api/v1/users", "{\"username\": \"x1\", \"password\": "
                + "\"long-enough-1\", \"roles\": [\"admin\"]}", wang, wang.csrfToken(), null).statusCode());
        HttpResponse<String> token = post("/api/v1/tokens", "{\"name\": \"mine\", \"scopes\": [\"*\"]}", wang, wang.csrfToken(), null);
        assertEquals(token.body(), 201, token.statusCode());
        String secret = json(token).path("token").asText();
        assertEquals(200, getWithToken("/api/v1/auth/me", secret).statusCode());

        HttpResponse<String> disabled = put("/api/v1/users/" + id, "{\"enabled\": false}", admin);
        assertEquals(disabled.body(), 200, disabled.statusCode());
        assertFalse(json(disabled).path("enabled").asBoolean());
        assertEquals("disabling ends the sessions", 401, get("/api/v1/auth/me", wang).statusCode());
        assertEquals("and the tokens", 401, getWithToken("/api/v1/auth/me", secret).statusCode());
        assertEquals("and sign-in", 401, login("wang.fang", "long-enough-1").statusCode());

        long adminId = admin.user().path("id").asLong();
        HttpResponse<String> lastAdmin = put("/api/v1/users/" + adminId, "{\"enabled\": false}", admin);
        assertEquals(lastAdmin.body(), 409, lastAdmin.statusCode());
        HttpResponse<String> deAdmin = put("/api/v1/users/" + adminId, "{\"roles\": [\"agent\"]}", admin);
        assertEquals(deAdmin.body(), 409, deAdmin.statusCode());
    }

    @Test
    public void passwordChanges() {
        awaitSecurity();
        Session admin = signIn("admin", ADMIN_PASSWORD);
        HttpResponse<String> created = post("/api/v1/users", "{\"username\": \"li.na\", \"password\": \"first-password\", "
                + "\"roles\": [\"agent\"]}", admin, admin.csrfToken(), null);
        assertEquals(created.body(), 201, created.statusCode());
        long id = json(created).path("id").asLong();

        Session li = signIn("li.na", "first-password");
        HttpResponse<String> wrongCurrent = post("/api/v1/users/" + id + "/password",
                "{\"currentPassword\": \"nope\", \"password\": \"second-password\"}", li, li.csrfToken(), null);
        assertEquals(wrongCurrent.body(), 400, wrongCurrent.statusCode());
        assertTrue(json(wrongCurrent).path("fields").has("currentPassword"));
        HttpResponse<String> tooShort = post("/api/v1/users/" + id + "/password",
                "{\"currentPassword\": \"first-password\", \"password\": \"short\"}", li, li.csrfToken(), null);
        assertEquals(400, tooShort.statusCode());
        HttpResponse<String> own = post("/api/v1/users/" + id + "/password",
                "{\"currentPassword\": \"first-password\", \"password\": \"second-password\"}", li, li.csrfToken(), null);
        assertEquals(own.body(), 204, own.statusCode());
        assertEquals("the session that changed it stays", 200, get("/api/v1/auth/me", li).statusCode());
        assertEquals(401, login("li.na", "first-password").statusCode());
        signIn("li.na", "second-password");

        long adminId = admin.user().path("id").asLong();
        HttpResponse<String> someoneElses = post("/api/v1/users/" + adminId + "/password", "{\"password\": \"hijacked-pw\"}", li,
                li.csrfToken(), null);
        assertEquals(someoneElses.body(), 403, someoneElses.statusCode());

        HttpResponse<String> reset = post("/api/v1/users/" + id + "/password", "{\"password\": \"third-password\"}", admin,
                admin.csrfToken(), null);
        assertEquals(reset.body(), 204, reset.statusCode());
        assertEquals("an admin reset ends the user's sessions", 401, get("/api/v1/auth/me", li).statusCode());
        signIn("li.na", "third-password");
    }
}

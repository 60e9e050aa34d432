package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Client records and account management through REST in the running server (the database is
 * chosen by the subclass): the contract the acceptance checks use, bad input answered with a
 * 4xx and a message, CSV import as a job and export, domain events, assignment and scoring.
 */
public abstract class RecordsRestTestBase extends SecurityTestSupport {

    static final String ADMIN_PASSWORD = "records-it-password";

    static Option[] server(String storeConfig) {
        return rapport(data -> {
            Files.writeString(data.resolve("config/org.rapport.security.cfg.json"),
                    "{\"initialAdminPassword\": \"" + ADMIN_PASSWORD + "\"}");
            if (storeConfig != null) {
                Files.writeString(data.resolve("config/org.rapport.store.cfg.json"), storeConfig);
            }
        });
    }

    private Session admin() {
        awaitSecurity();
        await("records REST", TIMEOUT, () -> get("/api/v1/clients", null).statusCode() == 401);
        return signIn("admin", ADMIN_PASSWORD);
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType, Session session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", "RAPPORT_SESSION=" + session.cookie()).header("X-CSRF-Token", session.csrfToken());
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    private HttpResponse<String> sendBytes(String path, byte[] body, Session session) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", "RAPPORT_SESSION=" + session.cookie()).header("X-CSRF-Token", session.csrfToken())
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private long createClient(Session s, String json) {
        HttpResponse<String> r = send("POST", "/api/v1/clients", json, "application/json", s);
        assertEquals(r.body(), 201, r.statusCode());
        return json(r).path("id").asLong();
    }

    @Test
    public void clientsAndContactsFollowTheContract() {
        Session s = admin();
        List<Event> events = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "org/rapport/records/*");
        ServiceRegistration<EventHandler> reg = context.registerService(EventHandler.class, events::add, props);
        try {
            long id = createClient(s, "{\"name\": \"上海恒瑞精密机械有限公司\", \"industry\": \"manufacturing\", \"region\": \"shanghai\","
                    + " \"annualRevenue\": 88000000, \"tags\": [\"外贸\"]}");
            JsonNode client = json(get("/api/v1/clients/" + id, s));
            assertEquals("上海恒瑞精密机械有限公司", client.path("name").asText());
            assertEquals("active", client.path("status").asText());

            HttpResponse<String> contact = send("POST", "/api/v1/clients/" + id + "/contacts",
                    "{\"name\": \"王芳\", \"emails\": [\"wang@hengrui.example.cn\"], \"phones\": [\"138 1234 5678\"]}", "application/json", s);
            assertEquals(contact.body(), 201, contact.statusCode());
            JsonNode contacts = json(get("/api/v1/clients/" + id + "/contacts", s)).path("items");
            assertEquals(1, contacts.size());
            assertEquals("+8613812345678", contacts.get(0).path("phones").get(0).asText());

            for (int i = 0; i < 5; i++) {
                createClient(s, "{\"name\": \"Paging Test " + i + "\"}");
            }
            JsonNode page = json(get("/api/v1/clients?page=2&size=2", s));
            assertEquals(2, page.path("items").size());
            assertTrue(page.path("total").asLong() >= 6);

            JsonNode dup = json(send("POST", "/api/v1/clients", "{\"name\": \"上海恒瑞精密机械股份有限公司\"}", "application/json", s));
            assertEquals(id, dup.path("duplicates").get(0).path("clientId").asLong());
            assertEquals(409, send("POST", "/api/v1/clients?rejectDuplicates=true", "{\"name\": \"Paging Test 1 Ltd\"}",
                    "application/json", s).statusCode());

            HttpResponse<String> patched = send("PATCH", "/api/v1/clients/" + id, "{\"employees\": 350}", "application/json", s);
            assertEquals(patched.body(), 200, patched.statusCode());
            JsonNode history = json(get("/api/v1/clients/" + id + "/history", s)).path("items");
            assertTrue(history.toString(), history.toString().contains("\"field\":\"employees\""));
            await("records events arrive", TIMEOUT, () -> events.stream().anyMatch(e -> e.getTopic().endsWith("client/UPDATED")
                    && Long.valueOf(id).equals(((Number) e.getProperty("client.id")).longValue())));
            assertTrue(events.stream().anyMatch(e -> e.getTopic().endsWith("contact/CREATED")));
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void badInputGetsA4xxWithAMessage() {
        Session s = admin();
        HttpResponse<String> noName = send("POST", "/api/v1/clients", "{\"industry\": \"retail\"}", "application/json", s);
        assertEquals(400, noName.statusCode());
        assertEquals("is required", json(noName).path("fields").path("name").asText());
        assertEquals(400, send("POST", "/api/v1/clients", "{\"name\": ", "application/json", s).statusCode());
        assertEquals(400, send("POST", "/api/v1/clients", "{\"name\": \"X\", \"employees\": \"many\"}", "application/json", s).statusCode());
        assertEquals(400, send("POST", "/api/v1/clients", "{\"name\": \"X\", \"secret\": 1}", "application/json", s).statusCode());
        assertEquals(415, send("POST", "/api/v1/clients", "name=X", "application/x-www-form-urlencoded", s).statusCode());
        HttpResponse<String> badEmail = send("POST", "/api/v1/clients", "{\"name\": \"Y\", \"contacts\": [{\"name\": \"Z\", \"emails\": [\"nope\"]}]}",
                "application/json", s);
        assertEquals(badEmail.body(), 400, badEmail.statusCode());
        assertEquals(404, get("/api/v1/clients/999999999", s).statusCode());
        assertEquals(404, get("/api/v1/clients/abc", s).statusCode());
        assertEquals(400, get("/api/v1/clients?size=100000", s).statusCode());
        assertEquals(400, get("/api/v1/clients?sort=password", s).statusCode());
        assertEquals(400, get("/api/v1/clients?page=x", s).statusCode());
        String hostile = URLEncoder.encode("AND ( * \" : \\ %_'", StandardCharsets.UTF_8);
        assertEquals(200, get("/api/v1/clients?q=" + hostile, s).statusCode());
        assertEquals(413, declaredTooLarge("/api/v1/clients", 2 * 1024 * 1024, s));
        HttpResponse<String> script = send("POST", "/api/v1/clients", "{\"name\": \"<script>alert(1)</script>\"}", "application/json", s);
        assertEquals(201, script.statusCode());
        assertEquals("<script>alert(1)</script>", json(script).path("name").asText());
    }

    /**
     * Sends only the head of a POST declaring a body of {@code length} bytes and returns the status
     * the server answers with before any of the body arrives (it must refuse by the declared length).
     */
    private int declaredTooLarge(String path, int length, Session s) {
        try (java.net.Socket socket = new java.net.Socket(uri(path).getHost(), uri(path).getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Cookie: RAPPORT_SESSION=" + s.cookie() + "\r\nX-CSRF-Token: " + s.csrfToken() + "\r\n"
                    + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    public void csvImportRunsAsAJobAndExportIsFormulaSafe() throws Exception {
        Session s = admin();
        String csv = "公司名称,行业,地区,年收入,联系人,邮箱\n"
                + "杭州西湖茶业有限公司,agriculture,zhejiang,3000万,陈静,chen@xihu.example.cn\n"
                + ",retail,beijing,,,\n"
                + "=cmd|' /C calc'!A0,trading,guangdong,,,\n"
                + "成都天府软件有限公司,technology,sichuan,abc,,\n";
        HttpResponse<String> started = sendBytes("/api/v1/clients/import", csv.getBytes(Charset.forName("GBK")), s);
        assertEquals(started.body(), 202, started.statusCode());
        String jobId = json(started).path("id").asText();
        JsonNode[] job = new JsonNode[1];
        await("import job finishes", Duration.ofSeconds(60), () -> {
            job[0] = json(get("/api/v1/jobs/" + jobId, s));
            return List.of("succeeded", "failed").contains(job[0].path("state").asText());
        });
        assertEquals(job[0].toString(), "succeeded", job[0].path("state").asText());
        assertEquals(2, job[0].path("counts").path("imported").asLong());
        assertEquals(2, job[0].path("counts").path("rejected").asLong());
        assertTrue(job[0].path("errors").toString(), job[0].path("errors").toString().contains("annualRevenue"));

        assertEquals(400, sendBytes("/api/v1/clients/import?charset=klingon", csv.getBytes(StandardCharsets.UTF_8), s).statusCode());
        assertEquals(400, sendBytes("/api/v1/clients/import", new byte[0], s).statusCode());

        HttpResponse<String> export = get("/api/v1/clients/export?q=" + URLEncoder.encode("calc", StandardCharsets.UTF_8), s);
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(export.body(), export.body().contains("'=cmd"));
        assertFalse(export.body(), export.body().contains(",=cmd"));
    }

    @Test
    public void managersAssignmentAndScores() {
        Session s = admin();
        HttpResponse<String> user = send("POST", "/api/v1/users",
                "{\"username\": \"mgr1\", \"displayName\": \"Li Na\", \"password\": \"manager-password\", \"roles\": [\"manager\"]}",
                "application/json", s);
        assertEquals(user.body(), 201, user.statusCode());
        long managerId = json(user).path("id").asLong();
        HttpResponse<String> profile = send("PUT", "/api/v1/managers/" + managerId,
                "{\"active\": true, \"capacity\": 50, \"seniority\": 3, \"industries\": [\"manufacturing\"]}", "application/json", s);
        assertEquals(profile.body(), 200, profile.statusCode());

        long id = createClient(s, "{\"name\": \"Scored Steel Co\", \"industry\": \"manufacturing\", \"annualRevenue\": 900000000}");
        HttpResponse<String> tx = send("POST", "/api/v1/clients/" + id + "/transactions",
                "{\"date\": \"" + java.time.LocalDate.now().minusDays(3) + "\", \"amount\": 1500000, \"product\": \"fx\"}", "application/json", s);
        assertEquals(tx.body(), 201, tx.statusCode());
        await("the new client is assigned and scored", TIMEOUT, () -> {
            JsonNode c = json(get("/api/v1/clients/" + id, s));
            return c.path("standing").path("managerId").asLong() == managerId && c.path("standing").hasNonNull("tier");
        });
        JsonNode account = json(get("/api/v1/accounts/" + id, s));
        assertTrue(account.toString(), account.path("valueReasons").size() > 0);
        assertNotNull(account.path("stage").asText(null));
        assertTrue(account.path("changes").toString().contains("\"kind\":\"manager\""));

        assertEquals(400, send("POST", "/api/v1/accounts/" + id + "/reassign", "{\"managerId\": " + managerId + "}",
                "application/json", s).statusCode());
        HttpResponse<String> override = send("PUT", "/api/v1/accounts/" + id + "/override",
                "{\"tier\": \"core\", \"reason\": \"strategic\", \"expiresOn\": \"" + java.time.LocalDate.now().plusDays(10) + "\"}",
                "application/json", s);
        assertEquals(override.body(), 200, override.statusCode());
        assertEquals("core", json(get("/api/v1/clients/" + id, s)).path("standing").path("tier").asText());
        JsonNode overview = json(get("/api/v1/accounts/overview", s));
        assertTrue(overview.toString(), overview.path("workload").size() >= 1);
        assertEquals(5, overview.path("risk").size());
        JsonNode managers = json(get("/api/v1/managers", s)).path("items");
        assertTrue(managers.toString(), managers.get(0).path("load").asInt() >= 1);
    }
}

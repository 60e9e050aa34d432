package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.Test;
import org.osgi.framework.ServiceReference;

/**
 * Compliance through REST in the running server (the database is chosen by the subclass): the
 * consents contract below the records' contacts (both bundles' resources answer), the gate's dry
 * run, audit entries for reads with search and verification catching an edited row, masking per
 * role with an audited unmask, the one-click unsubscribe pages, and a contact's export and erasure
 * — after which no table holds anything of the contact.
 */
public abstract class ComplianceRestTestBase extends SecurityTestSupport {

    private static final String AGENT_PASSWORD = "agent-password-for-it";

    private Session admin() {
        awaitSecurity();
        await("records REST", TIMEOUT, () -> get("/api/v1/clients", null).statusCode() == 401);
        await("compliance REST", TIMEOUT, () -> get("/api/v1/audit", null).statusCode() == 401);
        return signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
    }

    private Session agent(Session admin) {
        HttpResponse<String> created = call("POST", "/api/v1/users", "{\"username\": \"it.agent\", \"password\": \"" + AGENT_PASSWORD
                + "\", \"roles\": [\"agent\"]}", admin);
        assertTrue(created.body(), created.statusCode() == 201 || created.statusCode() == 409);
        return signIn("it.agent", AGENT_PASSWORD);
    }

    private HttpResponse<String> call(String method, String path, String body, Session s) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", "RAPPORT_SESSION=" + s.cookie()).header("X-CSRF-Token", s.csrfToken()).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    /** A client with one contact; returns {clientId, contactId}. */
    private long[] clientWithContact(Session s, String company, String person, String email, String phone) {
        HttpResponse<String> created = call("POST", "/api/v1/clients", "{\"name\": " + quote(company) + ", \"contacts\": [{\"name\": "
                + quote(person) + ", \"emails\": [" + quote(email) + "], \"phones\": [" + quote(phone) + "], \"timeZone\": \"Europe/London\"}]}", s);
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode json = json(created);
        return new long[] {json.path("id").asLong(), json.path("contacts").get(0).path("id").asLong()};
    }

    @Test
    public void consentsBelowTheContactsAndTheGatesDryRun() {
        Session s = admin();
        long[] ids = clientWithContact(s, "Consent Trading Ltd", "Helen Park", "helen.park@consent.example.com", "+44 20 7946 0001");
        long contact = ids[1];
        assertEquals("records still serve the contact", 200, get("/api/v1/contacts/" + contact, s).statusCode());

        JsonNode consents = json(get("/api/v1/contacts/" + contact + "/consents", s));
        assertEquals(9, consents.path("items").size());
        HttpResponse<String> put = call("PUT", "/api/v1/contacts/" + contact + "/consents",
                "{\"channel\": \"email\", \"purpose\": \"marketing\", \"granted\": true, \"evidence\": \"web form 7\"}", s);
        assertEquals(put.body(), 200, put.statusCode());
        assertTrue(json(put).path("granted").asBoolean());
        JsonNode after = json(get("/api/v1/contacts/" + contact + "/consents", s));
        assertTrue(after.toString(), after.path("history").get(0).path("evidence").asText().equals("web form 7"));

        assertEquals(400, call("PUT", "/api/v1/contacts/" + contact + "/consents", "{\"channel\": \"fax\", \"purpose\": \"care\", \"granted\": true}", s).statusCode());
        assertEquals(400, call("PUT", "/api/v1/contacts/" + contact + "/consents", "{\"channel\": \"sms\", \"purpose\": \"care\"}", s).statusCode());
        assertEquals(404, get("/api/v1/contacts/999999/consents", s).statusCode());
        assertEquals(404, get("/api/v1/contacts/abc/consents", s).statusCode());
        assertEquals(401, get("/api/v1/contacts/" + contact + "/consents").statusCode());

        HttpResponse<String> check = call("POST", "/api/v1/compliance/check", "{\"contactId\": " + contact
                + ", \"channel\": \"email\", \"purpose\": \"marketing\", \"content\": \"Our new FX service\"}", s);
        assertEquals(check.body(), 200, check.statusCode());
        String decision = json(check).path("decision").asText();
        assertTrue(check.body(), decision.equals("allow") || decision.equals("defer"));
        JsonNode denied = json(call("POST", "/api/v1/compliance/check", "{\"contactId\": " + contact
                + ", \"channel\": \"sms\", \"purpose\": \"marketing\", \"content\": \"x\"}", s));
        assertEquals("deny", denied.path("decision").asText());
        assertEquals("no_consent", denied.path("reasonCode").asText());
        assertNotNull(denied.path("reason").asText(null));
        JsonNode card = json(call("POST", "/api/v1/compliance/check", "{\"contactId\": " + contact
                + ", \"channel\": \"sms\", \"purpose\": \"service\", \"content\": \"card 4111 1111 1111 1111\"}", s));
        assertEquals("content_rule", card.path("reasonCode").asText());
        assertEquals(400, call("POST", "/api/v1/compliance/check", "{\"contactId\": 1, \"channel\": \"pigeon\", \"purpose\": \"care\"}", s).statusCode());

        Session agent = agent(s);
        assertEquals("the dry run is for admins", 403, call("POST", "/api/v1/compliance/check", "{\"contactId\": " + contact
                + ", \"channel\": \"sms\", \"purpose\": \"care\"}", agent).statusCode());
        JsonNode dryRuns = json(get("/api/v1/compliance/decisions?dryRuns=true&contactId=" + contact, s));
        assertEquals(dryRuns.toString(), 3, dryRuns.path("total").asInt());
        assertTrue(dryRuns.path("items").get(0).path("dryRun").asBoolean());
        assertEquals("dry runs are not counted", false, dryRuns.path("items").get(0).path("counted").asBoolean());
    }

    @Test
    public void readsAreAuditedAndAnEditedEntryIsCaught() throws Exception {
        Session s = admin();
        long[] ids = clientWithContact(s, "Audited Steel Co", "Omar Reyes", "omar@audited.example.com", "+44 20 7946 0002");
        assertEquals(200, get("/api/v1/clients/" + ids[0], s).statusCode());
        assertEquals(200, get("/api/v1/clients/" + ids[0] + "/contacts", s).statusCode());
        JsonNode entries = json(get("/api/v1/audit?entity=client&entityId=" + ids[0], s)).path("items");
        assertTrue(entries.toString(), entries.size() >= 3);
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.path("action").asText() + " " + e.path("entity").asText()));
        assertTrue(actions.toString(), actions.contains("read client") && actions.contains("read contact") && actions.contains("create client"));
        JsonNode read = entries.get(0);
        assertEquals("console", read.path("via").asText());
        assertFalse(read.toString(), read.path("actor").path("name").asText().isBlank());
        assertEquals("127.0.0.1", read.path("remoteAddress").asText());
        assertTrue(json(get("/api/v1/audit?entity=contact&entityId=" + ids[1], s)).path("items").size() >= 1);

        JsonNode ok = json(get("/api/v1/audit/verify", s));
        assertTrue(ok.toString(), ok.path("ok").asBoolean());
        HttpResponse<String> csv = get("/api/v1/audit/export?clientId=" + ids[0], s);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body(), csv.body().contains(",read,client,"));
        assertFalse("the audit log holds ids, not client data", csv.body().contains("Audited Steel"));

        long seq = read.path("seq").asLong();
        sql("UPDATE cmp_audit SET action = 'nothing' WHERE seq = " + seq);
        JsonNode broken = json(get("/api/v1/audit/verify", s));
        assertFalse(broken.toString(), broken.path("ok").asBoolean());
        assertEquals(seq, broken.path("firstBroken").asLong());
        sql("UPDATE cmp_audit SET action = 'read' WHERE seq = " + seq);
        assertTrue(json(get("/api/v1/audit/verify", s)).path("ok").asBoolean());

        Session agent = agent(s);
        assertEquals("auditors and admins only", 403, get("/api/v1/audit", agent).statusCode());
        assertEquals(400, get("/api/v1/audit?from=yesterday", s).statusCode());
        assertEquals(400, get("/api/v1/audit?entityId=5", s).statusCode());
    }

    @Test
    public void masksFollowTheRoleAndUnmaskingIsAudited() {
        Session s = admin();
        long[] ids = clientWithContact(s, "Masked Foods Ltd", "Li Wei", "li.wei@masked.example.cn", "13812345678");
        Session agent = agent(s);
        JsonNode asAgent = json(get("/api/v1/contacts/" + ids[1], agent));
        assertEquals("138****5678", asAgent.path("phones").get(0).asText().replace("+86", ""));
        assertTrue(asAgent.toString(), asAgent.path("masked").toString().contains("phones"));
        assertFalse(asAgent.toString(), asAgent.toString().contains("li.wei@masked"));
        JsonNode asAdmin = json(get("/api/v1/contacts/" + ids[1], s));
        assertEquals("+8613812345678", asAdmin.path("phones").get(0).asText());
        assertTrue(asAdmin.path("masked").isMissingNode());
        JsonNode list = json(get("/api/v1/clients/" + ids[0] + "/contacts", agent));
        assertFalse(list.toString(), list.toString().contains("13812345678"));

        assertEquals(400, call("POST", "/api/v1/contacts/" + ids[1] + "/unmask", "{\"fields\": [\"phones\"]}", agent).statusCode());
        assertEquals(400, call("POST", "/api/v1/contacts/" + ids[1] + "/unmask", "{\"fields\": [\"password\"], \"reason\": \"x\"}", agent).statusCode());
        HttpResponse<String> unmasked = call("POST", "/api/v1/contacts/" + ids[1] + "/unmask",
                "{\"fields\": [\"phones\", \"emails\"], \"reason\": \"calling back about ticket 42\"}", agent);
        assertEquals(unmasked.body(), 200, unmasked.statusCode());
        assertEquals("+8613812345678", json(unmasked).path("fields").path("phones").get(0).asText());
        JsonNode audit = json(get("/api/v1/audit?contactId=" + ids[1] + "&action=unmask", s)).path("items");
        assertEquals(audit.toString(), 1, audit.size());
        assertEquals("calling back about ticket 42", audit.get(0).path("reason").asText());
        assertEquals("[\"phones\",\"emails\"]", audit.get(0).path("fields").toString());

        HttpResponse<String> blindPatch = call("PATCH", "/api/v1/contacts/" + ids[1], "{\"phones\": [\"138****5678\"]}", agent);
        assertEquals("an agent cannot overwrite what they see masked", 403, blindPatch.statusCode());
        HttpResponse<String> put = call("PUT", "/api/v1/contacts/" + ids[1], "{\"name\": \"Li Wei\", \"title\": \"CFO\", \"emails\": "
                + asAgent.path("emails") + ", \"phones\": " + asAgent.path("phones") + ", \"language\": \"zh\"}", agent);
        assertEquals(put.body(), 200, put.statusCode());
        assertEquals("CFO", json(get("/api/v1/contacts/" + ids[1], s)).path("title").asText());
        assertEquals("a full update keeps the masked values", "+8613812345678", json(get("/api/v1/contacts/" + ids[1], s)).path("phones").get(0).asText());
    }

    @Test
    public void oneClickUnsubscribe() throws Exception {
        Session s = admin();
        long[] ids = clientWithContact(s, "Unsubscribe Media Ltd", "Ann Lee", "ann.lee@unsub.example.com", "+44 20 7946 0003");
        assertEquals(200, call("PUT", "/api/v1/contacts/" + ids[1] + "/consents", "{\"channel\": \"email\", \"purpose\": \"marketing\", \"granted\": true}", s)
                .statusCode());
        ServiceReference<?> ref = context.getServiceReference("org.rapport.compliance.Consents");
        Object consents = context.getService(ref);
        Class<?> purpose = consents.getClass().getClassLoader().loadClass("org.rapport.compliance.Purpose");
        Object marketing = purpose.getMethod("valueOf", String.class).invoke(null, "MARKETING");
        String url = consents.getClass().getMethod("unsubscribeUrl", long.class, String.class, purpose).invoke(consents, ids[1], "email", marketing)
                .toString();
        String path = url.substring(url.indexOf("/unsubscribe/"));
        HttpResponse<String> page = get(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body(), page.body().contains("<form method=\"post\""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertTrue("a GET unsubscribes nobody", json(get("/api/v1/contacts/" + ids[1] + "/consents", s)).toString()
                .contains("{\"channel\":\"email\",\"purpose\":\"marketing\",\"granted\":true"));
        assertTrue(get(path + "?lang=zh").body().contains("退订"));
        HttpResponse<String> oneClick = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertEquals(oneClick.body(), 200, oneClick.statusCode());
        JsonNode state = json(get("/api/v1/contacts/" + ids[1] + "/consents", s));
        assertTrue(state.toString(), state.toString().contains("{\"channel\":\"email\",\"purpose\":\"marketing\",\"granted\":false,\"explicit\":true,"
                + "\"source\":\"unsubscribe_link\""));
        String forged = path.substring(0, path.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        assertEquals(404, get(forged).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(uri(forged)).POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
        context.ungetService(ref);
    }

    @Test
    public void exportHoldsEveryProviderAndErasureLeavesNothing() throws Exception {
        Session s = admin();
        String marker = "Zq" + Long.toString(System.nanoTime() % 1_000_000, 36);
        long[] ids = clientWithContact(s, "Erasure Partners Ltd", "Erin " + marker, marker.toLowerCase() + "@erase.example.com", "+44 20 7946 0977");
        assertEquals(201, call("POST", "/api/v1/clients/" + ids[0] + "/interactions", "{\"contactId\": " + ids[1]
                + ", \"channel\": \"email\", \"direction\": \"inbound\", \"kind\": \"contact\", \"summary\": \"Erin " + marker + " asked about rates\"}", s)
                .statusCode());
        assertEquals(200, call("PUT", "/api/v1/contacts/" + ids[1] + "/consents", "{\"channel\": \"sms\", \"purpose\": \"care\", \"granted\": true, "
                + "\"evidence\": \"told Erin " + marker + "\"}", s).statusCode());

        HttpResponse<byte[]> export = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/contacts/" + ids[1] + "/export"))
                .header("Cookie", "RAPPORT_SESSION=" + s.cookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, export.statusCode());
        Map<String, String> files = unzip(export.body());
        assertTrue(files.keySet().toString(), files.keySet().containsAll(List.of("manifest.json", "records/contact.json", "records/contact.csv",
                "records/interactions.json", "compliance/consents.csv", "compliance/audit.json")));
        assertTrue(files.get("records/contact.json").contains(marker.toLowerCase() + "@erase.example.com"));
        assertTrue(files.get("records/interactions.csv").contains("asked about rates"));
        assertTrue(files.get("compliance/consents.json").contains("told Erin"));

        assertEquals("a reason is required", 400, call("POST", "/api/v1/contacts/" + ids[1] + "/erase", "{}", s).statusCode());
        Session agent = agent(s);
        assertEquals(403, call("POST", "/api/v1/contacts/" + ids[1] + "/erase", "{\"reason\": \"x\"}", agent).statusCode());
        HttpResponse<String> erased = call("POST", "/api/v1/contacts/" + ids[1] + "/erase", "{\"reason\": \"DSR-2026-17\"}", s);
        assertEquals(erased.body(), 200, erased.statusCode());
        assertTrue(erased.body(), json(erased).path("complete").asBoolean());
        assertEquals(404, get("/api/v1/contacts/" + ids[1], s).statusCode());
        assertEquals(404, get("/api/v1/contacts/" + ids[1] + "/export", s).statusCode());
        List<String> found = search(marker, marker.toLowerCase(), "7946 0977", "79460977");
        assertTrue("nothing of the contact remains: " + found, found.isEmpty());
        assertEquals(0, json(get("/api/v1/contacts?email=" + marker.toLowerCase() + "%40erase.example.com", s)).path("items").size());
        assertTrue(json(get("/api/v1/audit/verify", s)).path("ok").asBoolean());
        assertEquals("the client stays", 200, get("/api/v1/clients/" + ids[0], s).statusCode());
        JsonNode requests = json(get("/api/v1/compliance/requests?contactId=" + ids[1], s)).path("items");
        assertEquals(requests.toString(), 2, requests.size());
    }

    /** Every text cell of every table of the database containing one of the needles: "table: value". */
    private List<String> search(String... needles) throws SQLException {
        ServiceReference<DataSource> ref = context.getServiceReference(DataSource.class);
        DataSource ds = context.getService(ref);
        List<String> found = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || !(schema.equalsIgnoreCase("INFORMATION_SCHEMA") || schema.equalsIgnoreCase("pg_catalog"))) {
                        tables.add((schema == null ? "" : "\"" + schema + "\".") + "\"" + rs.getString("TABLE_NAME") + "\"");
                    }
                }
            }
            assertTrue(tables.toString(), tables.size() > 20);
            for (String table : tables) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            for (String needle : needles) {
                                if (value != null && value.contains(needle)) {
                                    found.add(table + ": " + value);
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            context.ungetService(ref);
        }
        return found;
    }

    private void sql(String statement) throws SQLException {
        ServiceReference<DataSource> ref = context.getServiceReference(DataSource.class);
        try (Connection c = context.getService(ref).getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        } finally {
            context.ungetService(ref);
        }
    }

    /** The entries of a zip, each read as UTF-8 text. */
    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}

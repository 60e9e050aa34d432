package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.ServiceReference;

/**
 * Audit completeness: every REST resource of the running server is either declared as serving
 * client data ({@code rapport.audit=true}) or known not to; every resource under a client-data
 * prefix is audited; and a read of each audited resource — the resources found from the running
 * server's servlets, their known sub-paths, and the sub-resources — writes an audit entry naming
 * that request.
 */
@RunWith(PaxExam.class)
public class AuditCompletenessIT extends SecurityTestSupport {

    /** Paths that serve client data: a resource here must be audited. */
    private static final List<String> CLIENT_DATA = List.of("/api/v1/clients", "/api/v1/contacts", "/api/v1/tasks", "/api/v1/accounts",
            "/api/v1/alerts", "/api/v1/compliance/decisions", "/api/v1/compliance/requests", "/api/v1/search", "/api/v1/conversations", "/api/v1/bot",
            "/api/v1/campaigns", "/api/v1/segments", "/api/v1/complaints");
    /** Resources known not to serve client data (staff, system, configuration, the audit log itself). */
    private static final List<String> NOT_CLIENT_DATA = List.of("/api/v1/auth/", "/api/v1/users", "/api/v1/tokens", "/api/v1/console/",
            "/api/v1/system/", "/api/v1/jobs", "/api/v1/managers", "/api/v1/audit", "/api/v1/compliance/check", "/api/v1/compliance/alerts",
            "/api/v1/compliance/reports", "/api/v1/compliance/policies", "/api/v1/compliance/retention", "/api/v1/articles",
            "/api/v1/outbox");

    @Configuration
    public Option[] config() {
        return RecordsRestTestBase.server(null);
    }

    private HttpResponse<String> call(String method, String path, String body, Session s) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", "RAPPORT_SESSION=" + s.cookie()).header("X-CSRF-Token", s.csrfToken()).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    /** Pattern (whiteboard or sub-resource) → audited, for every servlet under /api/. */
    private Map<String, Boolean> resources() throws Exception {
        Map<String, Boolean> resources = new TreeMap<>();
        ServiceReference<?>[] refs = context.getAllServiceReferences("jakarta.servlet.Servlet", null);
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            boolean audited = propertyValues(ref.getProperty("rapport.audit")).contains("true");
            Set<String> patterns = new LinkedHashSet<>(propertyValues(ref.getProperty("osgi.http.whiteboard.servlet.pattern")));
            patterns.addAll(propertyValues(ref.getProperty("rapport.subresource.pattern")));
            for (String pattern : patterns) {
                if (pattern.startsWith("/api/")) {
                    resources.put(pattern, audited);
                }
            }
        }
        return resources;
    }


    @Test
    public void everyClientDataReadWritesAnAuditEntry() throws Exception {
        awaitSecurity();
        await("records and compliance REST", TIMEOUT, () -> get("/api/v1/clients", null).statusCode() == 401
                && get("/api/v1/audit", null).statusCode() == 401 && get("/api/v1/accounts/overview", null).statusCode() == 401);
        Session s = signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
        HttpResponse<String> created = call("POST", "/api/v1/clients", "{\"name\": \"Audit Completeness Ltd\", \"contacts\": [{\"name\": \"Kim Ho\", "
                + "\"emails\": [\"kim@complete.example.com\"], \"phones\": [\"+85291234567\"]}]}", s);
        assertEquals(created.body(), 201, created.statusCode());
        long client = json(created).path("id").asLong();
        long contact = json(created).path("contacts").get(0).path("id").asLong();
        HttpResponse<String> task = call("POST", "/api/v1/clients/" + client + "/tasks", "{\"title\": \"Call back\", \"due\": \"2030-01-01\", "
                + "\"contactId\": " + contact + "}", s);
        assertEquals(task.body(), 201, task.statusCode());

        Map<String, Boolean> resources = resources();
        List<String> problems = new ArrayList<>();
        Set<String> reads = new LinkedHashSet<>();
        for (Map.Entry<String, Boolean> resource : resources.entrySet()) {
            String pattern = resource.getKey();
            boolean clientData = CLIENT_DATA.stream().anyMatch(p -> pattern.equals(p) || pattern.startsWith(p + "/"));
            boolean known = NOT_CLIENT_DATA.stream().anyMatch(pattern::startsWith);
            if (clientData && !resource.getValue()) {
                problems.add(pattern + " serves client data but is not audited (rapport.audit=true)");
            }
            if (!resource.getValue() && !clientData && !known) {
                problems.add(pattern + " is neither audited nor known not to serve client data: classify it in this test");
            }
            if (resource.getValue()) {
                String concrete = pattern.replace("/*/", "/" + contact + "/");
                if (concrete.endsWith("/*")) {
                    String base = concrete.substring(0, concrete.length() - 2);
                    reads.add(base);
                    reads.add(base + "/" + (base.endsWith("/contacts") ? contact : base.endsWith("/tasks") ? "" : client));
                } else {
                    reads.add(concrete);
                }
            }
        }
        // the known sub-paths of the audited resources
        for (String sub : List.of("/contacts", "/interactions", "/transactions", "/tasks", "/history", "/duplicates")) {
            reads.add("/api/v1/clients/" + client + sub);
        }
        reads.addAll(List.of("/api/v1/clients/stats?by=tier", "/api/v1/clients/duplicates?name=Audit", "/api/v1/clients/export",
                "/api/v1/contacts?email=kim%40complete.example.com", "/api/v1/tasks?owner=me", "/api/v1/accounts/overview",
                "/api/v1/accounts/overdue", "/api/v1/accounts/" + client, "/api/v1/contacts/" + contact + "/consents",
                "/api/v1/contacts/" + contact + "/export", "/api/v1/compliance/decisions", "/api/v1/compliance/requests", "/api/v1/alerts"));
        await("accounts ready for the client", TIMEOUT, () -> get("/api/v1/accounts/" + client, s).statusCode() == 200);

        int checked = 0;
        for (String path : reads) {
            if (path.endsWith("/") || path.endsWith("/import")) {
                continue; // a collection without a list, or a write-only resource
            }
            long before = total(s);
            HttpResponse<String> response = get(path, s);
            if (response.statusCode() != 200) {
                if (response.statusCode() != 404 && response.statusCode() != 405 && response.statusCode() != 400) {
                    problems.add("GET " + path + " answered " + response.statusCode() + ": " + response.body());
                }
                continue;
            }
            checked++;
            JsonNode latest = json(get("/api/v1/audit?size=1", s)).path("items").get(0);
            String request = latest == null ? "" : latest.path("request").asText();
            if (total(s) <= before || !request.equals("GET " + path)) {
                problems.add("GET " + path + " wrote no audit entry (latest: " + request + ")");
            }
        }
        assertTrue(String.join("\n", problems), problems.isEmpty());
        assertTrue("reads checked: " + checked + " of " + reads, checked >= 20);
    }

    private long total(Session s) {
        return json(get("/api/v1/audit?size=1", s)).path("total").asLong();
    }
}

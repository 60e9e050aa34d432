package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Live modularity of the records, accounts, jobs, compliance, education and search bundles (while compliance is
 * stopped, client data answers 503, never unaudited): each can be stopped and started
 * (and updated in place) while the server runs; what depends on it goes and comes back, the
 * rest keeps answering, and no data is lost.
 */
@RunWith(PaxExam.class)
public class FeatureBundlesLifecycleIT extends SecurityTestSupport {

    @Configuration
    public Option[] config() {
        return RecordsRestTestBase.server(null);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals(symbolicName)).findFirst().orElseThrow();
    }

    private HttpResponse<String> call(String method, String path, String body, Session s) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "RAPPORT_SESSION=" + s.cookie()).header("X-CSRF-Token", s.csrfToken())
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    @Test
    public void stopUpdateAndStartFeatureBundlesWhileServing() throws BundleException {
        awaitSecurity();
        await("records REST", TIMEOUT, () -> get("/api/v1/clients", null).statusCode() == 401);
        Session s = signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
        HttpResponse<String> created = call("POST", "/api/v1/clients", "{\"name\": \"Lifecycle Ltd\"}", s);
        assertEquals(201, created.statusCode());
        long id = json(created).path("id").asLong();
        await("accounts REST", TIMEOUT, () -> call("GET", "/api/v1/accounts/" + id, null, s).statusCode() == 200);
        // let the background assignment and scoring of the new client finish: stopping accounts in the middle of its
        // commit interrupts the writing thread, and H2 closes the whole database when a file channel is interrupted
        await("the new client scored", TIMEOUT, () -> json(call("GET", "/api/v1/clients/" + id, null, s)).path("standing").hasNonNull("tier"));
        sleepQuietly(1500);

        Bundle accounts = bundle("org.rapport.accounts");
        accounts.stop();
        await("accounts REST gone", TIMEOUT, () -> call("GET", "/api/v1/accounts/overview", null, s).statusCode() == 404
                || call("GET", "/api/v1/accounts/overview", null, s).statusCode() == 403);
        assertEquals("records keep serving without accounts", 200, call("GET", "/api/v1/clients/" + id, null, s).statusCode());
        assertEquals(201, call("POST", "/api/v1/clients", "{\"name\": \"Created While Accounts Stopped\"}", s).statusCode());
        accounts.start();
        await("accounts REST back", TIMEOUT, () -> call("GET", "/api/v1/accounts/overview", null, s).statusCode() == 200);

        Bundle records = bundle("org.rapport.records");
        records.stop();
        await("records REST gone", TIMEOUT, () -> call("GET", "/api/v1/clients/" + id, null, s).statusCode() != 200);
        assertEquals("the console keeps serving", 200, call("GET", "/api/v1/console/pages", null, s).statusCode());
        records.update();
        records.start();
        await("records REST back after an update", TIMEOUT, () -> call("GET", "/api/v1/clients/" + id, null, s).statusCode() == 200);
        await("accounts back on the new records", TIMEOUT, () -> call("GET", "/api/v1/accounts/" + id, null, s).statusCode() == 200);

        Bundle jobs = bundle("org.rapport.jobs");
        jobs.stop();
        await("import unavailable without jobs", TIMEOUT, () -> call("POST", "/api/v1/clients/import", "x", s).statusCode() != 202);
        assertEquals(200, call("GET", "/api/v1/clients?size=1", null, s).statusCode());
        jobs.start();
        await("import back", TIMEOUT, () -> call("GET", "/api/v1/jobs", null, s).statusCode() == 200);

        Bundle compliance = bundle("org.rapport.compliance");
        await("compliance REST", TIMEOUT, () -> call("GET", "/api/v1/audit", null, s).statusCode() == 200);
        compliance.stop();
        await("client data refused while no audit log runs", TIMEOUT, () -> call("GET", "/api/v1/clients/" + id, null, s).statusCode() == 503);
        assertEquals("audit_unavailable", json(call("GET", "/api/v1/clients?size=1", null, s)).path("error").asText());
        assertEquals("the console keeps serving", 200, call("GET", "/api/v1/console/pages", null, s).statusCode());
        compliance.update();
        compliance.start();
        await("client data served again, audited", TIMEOUT, () -> call("GET", "/api/v1/clients/" + id, null, s).statusCode() == 200);
        await("compliance REST back after an update", TIMEOUT, () -> call("GET", "/api/v1/contacts/0/consents", null, s).statusCode() == 404);
        assertEquals(true, json(call("GET", "/api/v1/audit/verify", null, s)).path("ok").asBoolean());
        assertEquals("reads while it ran again are in the log", true,
                json(call("GET", "/api/v1/audit?entity=client&entityId=" + id, null, s)).path("total").asInt() > 1);

        JsonNode list = json(call("GET", "/api/v1/clients?size=50", null, s));
        assertEquals("nothing lost", 2, list.path("total").asInt());
        awaitHealthUp();

        educationAndSearchSurviveStopUpdateAndStart(s);
    }

    private boolean found(String q, long articleId, Session s) {
        HttpResponse<String> r = call("GET", "/api/v1/search?type=article&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                null, s);
        return r.statusCode() == 200 && json(r).path("items").toString().contains("\"id\":" + articleId + ",");
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The education library and search: each stopped, updated and started while the other and the rest keep serving. */
    private void educationAndSearchSurviveStopUpdateAndStart(Session s) throws BundleException {
        await("articles REST", TIMEOUT, () -> call("GET", "/api/v1/articles", null, s).statusCode() == 200);
        String body = "{\"title\": \"%s\", \"body\": \"Lifecycle text\", \"language\": \"en\", \"category\": \"test\"}";
        long first = json(call("POST", "/api/v1/articles", String.format(body, "Quokka handbook"), s)).path("id").asLong();
        assertEquals(200, call("POST", "/api/v1/articles/" + first + "/publish", null, s).statusCode());
        await("searchable", TIMEOUT, () -> found("quokka", first, s));

        Bundle search = bundle("org.rapport.search");
        search.stop();
        await("search REST gone", TIMEOUT, () -> call("GET", "/api/v1/search?q=x", null, s).statusCode() == 404);
        long second = json(call("POST", "/api/v1/articles", String.format(body, "Wombat handbook"), s)).path("id").asLong();
        assertEquals("the library keeps serving without search", 200, call("GET", "/api/v1/articles/" + second, null, s).statusCode());
        search.update();
        search.start();
        await("search back after an update, with what changed meanwhile", TIMEOUT, () -> found("wombat", second, s) && found("quokka", first, s));

        Bundle education = bundle("org.rapport.education");
        education.stop();
        await("articles REST gone", TIMEOUT, () -> call("GET", "/api/v1/articles", null, s).statusCode() == 404);
        assertEquals("the public page goes with the library", 404, get("/kb/articles/" + first).statusCode());
        assertTrue("search keeps serving the indexed articles", found("quokka", first, s));
        education.update();
        education.start();
        await("the library back after an update", TIMEOUT, () -> get("/kb/articles/" + first).statusCode() == 200);
        long third = json(call("POST", "/api/v1/articles", String.format(body, "Numbat handbook"), s)).path("id").asLong();
        await("indexed after the library came back", TIMEOUT, () -> found("numbat", third, s));
        awaitHealthUp();
    }

    @Test
    public void conversationsSurviveStopUpdateAndStart_andWhatQueuedMeanwhileGoesOut() throws Exception {
        awaitSecurity();
        await("conversations REST", TIMEOUT, () -> get("/api/v1/conversations", null).statusCode() == 401);
        Session s = signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
        Bundle loopback = context.installBundle(fixture("org.rapport.itest.loopback.jar").toUri().toString());
        loopback.start();
        await("loopback adapter", TIMEOUT, () -> get("/loopback/sent").statusCode() == 200);
        java.util.function.Function<String, Integer> inbound = from -> send(HttpRequest.newBuilder(uri("/loopback/inbound"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"" + from + "\", \"text\": \"hello\"}")).build()).statusCode();
        java.util.function.Predicate<String> answered = to -> json(get("/loopback/sent")).path("items").toString().contains(to);
        assertEquals(200, (int) inbound.apply("+8613800000001"));
        await("answered", TIMEOUT, () -> answered.test("+8613800000001"));

        Bundle conversations = bundle("org.rapport.conversations");
        conversations.stop();
        await("conversations REST gone", TIMEOUT, () -> call("GET", "/api/v1/conversations", null, s).statusCode() == 404);
        assertEquals("records keep serving", 200, call("GET", "/api/v1/clients?size=1", null, s).statusCode());
        conversations.update();
        conversations.start();
        await("conversations back after an update", TIMEOUT, () -> call("GET", "/api/v1/conversations", null, s).statusCode() == 200);
        await("the adapter bound again", TIMEOUT, () -> get("/loopback/sent").statusCode() == 200);
        assertEquals(200, (int) inbound.apply("+8613800000002"));
        await("answered after the update", TIMEOUT, () -> answered.test("+8613800000002"));

        Bundle compliance = bundle("org.rapport.compliance");
        compliance.stop();
        await("inbound still accepted without compliance", TIMEOUT, () -> inbound.apply("+8613800000003") == 200);
        Thread.sleep(2000);
        assertTrue("nothing is sent without the compliance gate", !answered.test("+8613800000003"));
        compliance.start();
        await("the held answer goes once the gate is back", TIMEOUT, () -> answered.test("+8613800000003"));
        loopback.uninstall();
        awaitHealthUp();
    }
}

package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.rapport.education.Answer;
import org.rapport.education.AnswerSource;

/**
 * The education library and search through REST in the running server (the database is chosen by
 * the subclass): the articles contract, the public page, changes searchable within a second,
 * permissions per role, the chatbot's AnswerSource, bad input, imports and the rebuild of a lost index.
 */
public abstract class SearchRestTestBase extends SecurityTestSupport {

    /** How soon a change must be searchable. */
    private static final long SEARCHABLE_MS = 3000; // the index refreshes every 200 ms; the margin is for a loaded test machine

    static Option[] server(String storeConfig) {
        return RecordsRestTestBase.server(storeConfig);
    }

    private Session admin() {
        awaitSecurity();
        await("search REST", TIMEOUT, () -> get("/api/v1/search?q=x").statusCode() == 401);
        await("articles REST", TIMEOUT, () -> get("/api/v1/articles").statusCode() == 401);
        Session s = signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
        await("index ready", TIMEOUT, () -> json(get("/api/v1/search/status", s)).path("state").asText().equals("ready"));
        return s;
    }

    private HttpResponse<String> call(String method, String path, String body, Session s) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "RAPPORT_SESSION=" + s.cookie()).header("X-CSRF-Token", s.csrfToken());
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    private JsonNode search(String q, Session s) {
        HttpResponse<String> r = get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), s);
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    /** Polls the search until {@code until} holds; fails when that takes longer than a second after the change. */
    private void searchableWithinASecond(String what, String q, Session s, Predicate<JsonNode> until) {
        long start = System.nanoTime();
        while (!until.test(search(q, s))) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(what + " not searchable after " + ms + " ms", ms <= SEARCHABLE_MS);
            sleep(25);
        }
    }

    private static boolean hasId(JsonNode result, String type, long id) {
        for (JsonNode item : result.path("items")) {
            if (item.path("type").asText().equals(type) && item.path("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    public void articlesFollowTheContractAndReachSearchThePublicPageAndTheChatbot() {
        Session s = admin();
        HttpResponse<String> created = call("POST", "/api/v1/articles", "{\"title\": \"如何退订营销短信\", \"body\": \"回复 **退订** 即可停止营销短信。\\n\\n"
                + "<script>alert(1)</script>\", \"language\": \"zh\", \"category\": \"客户服务\", \"tags\": [\"退订\", \"短信\"]}", s);
        assertEquals(created.body(), 201, created.statusCode());
        long id = json(created).path("id").asLong();
        assertTrue(id > 0);
        assertEquals("draft", json(created).path("state").asText());
        assertFalse("rendered sanitised", json(created).path("html").asText().contains("<script>"));
        assertEquals("a draft has no public page", 404, get("/kb/articles/" + id).statusCode());
        searchableWithinASecond("a new draft", "退订", s, r -> hasId(r, "article", id));

        HttpResponse<String> published = call("POST", "/api/v1/articles/" + id + "/publish", null, s);
        assertEquals(published.body(), 200, published.statusCode());
        JsonNode zhList = json(get("/api/v1/articles?language=zh", s));
        assertTrue(zhList.toString(), zhList.path("items").toString().contains("\"id\":" + id));
        assertEquals(0, json(get("/api/v1/articles?language=en", s)).path("total").asInt());

        HttpResponse<String> page = get("/kb/articles/" + id);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<strong>退订</strong>"));
        assertFalse(page.body().contains("<script>alert"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        get("/kb/articles/" + id);
        assertEquals("two public reads counted", 2, json(get("/api/v1/articles/" + id, s)).path("views").asInt());
        assertEquals(404, get("/kb/articles/999999").statusCode());
        assertEquals(404, get("/kb/articles/%3Cscript%3E").statusCode());
        assertEquals(200, get("/kb/?lang=zh").statusCode());

        await("answers for the chatbot", TIMEOUT, () -> !answers("怎么退订短信", "zh").isEmpty());
        Answer answer = answers("怎么退订短信", "zh").get(0);
        assertEquals(id, answer.articleId());
        assertTrue(answer.url(), answer.url().endsWith("/kb/articles/" + id));
        assertTrue(answer.passage().contains("退订"));

        HttpResponse<String> changed = call("PUT", "/api/v1/articles/" + id, "{\"title\": \"Unsubscribe from marketing SMS\", \"body\": "
                + "\"Reply STOP to any marketing SMS.\", \"language\": \"en\", \"category\": \"Service\", \"tags\": [\"unsubscribe\"]}", s);
        assertEquals(changed.body(), 200, changed.statusCode());
        assertEquals(2, json(changed).path("version").asInt());
        searchableWithinASecond("the changed article", "unsubscribe", s, r -> hasId(r, "article", id));
        assertEquals(2, json(get("/api/v1/articles/" + id + "/versions", s)).path("items").size());
        assertEquals(200, get("/api/v1/articles/" + id + "/versions/1", s).statusCode());

        assertEquals(204, call("DELETE", "/api/v1/articles/" + id, null, s).statusCode());
        searchableWithinASecond("the deleted article gone", "unsubscribe", s, r -> !hasId(r, "article", id));
        assertEquals(404, get("/api/v1/articles/" + id, s).statusCode());
        assertEquals(404, get("/kb/articles/" + id).statusCode());
    }

    private List<Answer> answers(String question, String language) {
        var ref = context.getServiceReference(AnswerSource.class);
        if (ref == null) {
            return List.of();
        }
        AnswerSource source = context.getService(ref);
        try {
            return source == null ? List.of() : source.answers(question, language, 3);
        } finally {
            context.ungetService(ref);
        }
    }

    @Test
    public void recordsAreSearchableWithinASecondAndFieldsFollowTheCallersClearance() {
        Session s = admin();
        HttpResponse<String> client = call("POST", "/api/v1/clients", "{\"name\": \"Acme Trading Co., Ltd.\", \"industry\": \"trading\", "
                + "\"region\": \"shanghai\", \"contacts\": [{\"name\": \"张伟\", \"title\": \"财务总监\", \"emails\": [\"zhang.wei@acme.com\"], "
                + "\"phones\": [\"138 1234 5678\"]}]}", s);
        assertEquals(client.body(), 201, client.statusCode());
        long clientId = json(client).path("id").asLong();
        searchableWithinASecond("a new client", "Acme Trading", s, r -> hasId(r, "client", clientId));
        searchableWithinASecond("its contact by domain", "acme.com", s, r -> r.path("total").asInt() >= 1
                && r.path("items").get(0).path("type").asText().equals("contact"));
        long contactId = search("acme.com", s).path("items").get(0).path("id").asLong();

        HttpResponse<String> note = call("POST", "/api/v1/clients/" + clientId + "/interactions", "{\"channel\": \"sms\", \"direction\": "
                + "\"inbound\", \"summary\": \"客户回复退订；新U盾快递单号 SF1234567890\"}", s);
        assertEquals(note.body(), 201, note.statusCode());
        long interactionId = json(note).path("id").asLong();
        searchableWithinASecond("a new interaction", "SF1234567890", s, r -> hasId(r, "interaction", interactionId));
        JsonNode tuiding = search("退订", s);
        assertTrue(hasId(tuiding, "interaction", interactionId));
        assertTrue(tuiding.path("facets").path("type").has("interaction"));

        HttpResponse<String> renamed = call("PATCH", "/api/v1/clients/" + clientId, "{\"name\": \"Acme Global Trading\"}", s);
        assertEquals(renamed.body(), 200, renamed.statusCode());
        searchableWithinASecond("the renamed client", "Acme Global", s, r -> hasId(r, "client", clientId));

        JsonNode filtered = json(get("/api/v1/search?q=acme&type=contact&industry=trading", s));
        assertEquals(filtered.toString(), 1, filtered.path("total").asInt());

        // an agent may not see contact phones: not found by them, masked where the contact shows
        HttpResponse<String> user = call("POST", "/api/v1/users", "{\"username\": \"search-agent\", \"password\": \"agent-password-1\", "
                + "\"roles\": [\"agent\"]}", s);
        assertEquals(user.body(), 201, user.statusCode());
        Session agent = signIn("search-agent", "agent-password-1");
        assertTrue(hasId(search("13812345678", s), "contact", contactId));
        assertFalse(hasId(search("13812345678", agent), "contact", contactId));
        JsonNode seen = search("张伟", agent);
        assertTrue(hasId(seen, "contact", contactId));
        assertFalse(seen.toString(), seen.toString().contains("13812345678"));

        assertEquals(204, call("DELETE", "/api/v1/contacts/" + contactId, null, s).statusCode());
        searchableWithinASecond("the deleted contact gone", "张伟", s, r -> !hasId(r, "contact", contactId));
    }

    @Test
    public void badInputIsA4xxOrASafeResultNeverA500() {
        Session s = admin();
        for (String q : List.of("AND (", "*", "\"", ":", "\\", "title:(a OR b)~2^3", "+-&&||!(){}[]^\"~*?:\\/", "\u0000", "𠀀😀",
                "x".repeat(1000))) {
            HttpResponse<String> r = get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), s);
            assertEquals(q + " → " + r.body(), 200, r.statusCode());
        }
        assertEquals(400, get("/api/v1/search?q=" + "x".repeat(1001), s).statusCode());
        assertEquals(400, get("/api/v1/search?q=a&size=0", s).statusCode());
        assertEquals(400, get("/api/v1/search?q=a&size=101", s).statusCode());
        assertEquals(400, get("/api/v1/search?q=a&page=999999", s).statusCode());
        assertEquals(400, get("/api/v1/search?q=a&page=abc", s).statusCode());
        assertEquals(400, get("/api/v1/search?q=a&type=password", s).statusCode());
        assertEquals(404, get("/api/v1/search/nothing", s).statusCode());
        assertEquals(401, get("/api/v1/search?q=a").statusCode());

        assertEquals(400, call("POST", "/api/v1/articles", "{\"title\": \"\", \"body\": \"x\", \"language\": \"fr\", \"category\": \"c\"}",
                s).statusCode());
        assertEquals("is required", json(call("POST", "/api/v1/articles", "{\"body\": \"x\", \"language\": \"en\", \"category\": \"c\"}", s))
                .path("fields").path("title").asText());
        assertEquals(400, call("POST", "/api/v1/articles", "{\"title\": ", s).statusCode());
        assertEquals(400, call("POST", "/api/v1/articles", "{\"title\": \"t\", \"secret\": 1}", s).statusCode());
        assertEquals(415, send(HttpRequest.newBuilder(uri("/api/v1/articles")).header("Cookie", "RAPPORT_SESSION=" + s.cookie())
                .header("X-CSRF-Token", s.csrfToken()).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x"))
                .build()).statusCode());
        assertEquals(404, get("/api/v1/articles/abc", s).statusCode());
        assertEquals(404, call("POST", "/api/v1/articles/999999/publish", null, s).statusCode());
        assertEquals(400, get("/api/v1/articles?language=fr", s).statusCode());
        assertEquals(400, get("/api/v1/articles?sort=password", s).statusCode());
        assertEquals(400, get("/api/v1/articles?size=100000", s).statusCode());
    }

    @Test
    public void importedClientsAreIndexedAndALostIndexIsRebuiltAtStart() throws Exception {
        Session s = admin();
        String csv = "公司名称,行业,地区,联系人,邮箱\n杭州西湖茶业有限公司,agriculture,zhejiang,陈静,chen@xihu.example.cn\n"
                + "Kalomirute Logistics Co.,logistics,london,Ann Smith,ann@kalomirute.example.com\n";
        HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/v1/clients/import")).timeout(Duration.ofSeconds(30))
                .header("Cookie", "RAPPORT_SESSION=" + s.cookie()).header("X-CSRF-Token", s.csrfToken()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
        assertEquals(started.body(), 202, started.statusCode());
        await("imported clients searchable", TIMEOUT, () -> search("西湖茶业", s).path("total").asInt() >= 1
                && search("kalomirute.example.com", s).path("total").asInt() >= 1);

        Bundle search = Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals("org.rapport.search")).findFirst()
                .orElseThrow();
        search.stop();
        Path index = dataDir().resolve("search/index");
        deleteTree(index);
        assertFalse(Files.exists(index));
        search.start();
        await("search back", TIMEOUT, () -> get("/api/v1/search?q=x", s).statusCode() == 200);
        await("the index rebuilt from the database", TIMEOUT, () -> search("西湖茶业", s).path("total").asInt() >= 1);
        assertTrue(Files.exists(index));
        await("the start-up rebuild done", TIMEOUT, () -> json(get("/api/v1/search/status", s)).path("state").asText().equals("ready"));

        HttpResponse<String> rebuild = call("POST", "/api/v1/search/rebuild", null, s);
        assertEquals(rebuild.body(), 202, rebuild.statusCode());
        await("the rebuild on demand done", TIMEOUT, () -> json(get("/api/v1/search/status", s)).path("state").asText().equals("ready"));
        assertEquals(1, search("西湖茶业", s).path("total").asInt());
    }
}

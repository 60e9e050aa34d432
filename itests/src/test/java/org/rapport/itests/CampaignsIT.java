package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Campaigns end to end in the running server with the loopback SMS adapter bundle: 1,000 contacts
 * imported, 100 opted out of care SMS, 100 in a time zone where it is night (quiet hours) — exactly
 * the 800 others get exactly one message each, the opted-out are skipped with the reason, the
 * sleeping ones deferred; bad templates are refused with their line; the campaigns bundle stopped
 * mid-run and started again finishes the run with nobody messaged twice while the rest keeps working;
 * a welcome series sends its follow-up steps after their delays, each once, under their own keys; delivery reports
 * posted while the campaigns bundle is stopped are caught up when it starts; a cancelled campaign's messages deferred
 * by quiet hours are withdrawn and never delivered when the quiet hours end.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CampaignsIT extends SecurityTestSupport {
    private static final int CONTACTS = 1000;
    private static final String TAG = "campaign-it";
    private static final String SEGMENT = "{\"field\": \"tag\", \"op\": \"has\", \"value\": \"" + TAG + "\"}";

    private static Session admin;
    private static Bundle loopback;

    @Configuration
    public Option[] config() {
        return rapport(data -> {
            Files.writeString(data.resolve("config/org.rapport.security.cfg.json"),
                    "{\"initialAdminPassword\": \"" + RecordsRestTestBase.ADMIN_PASSWORD + "\"}");
            Files.writeString(data.resolve("config/org.rapport.compliance.cfg.json"),
                    "{\"defaultGranted\": [\"service\", \"care\"], \"quietHours\": \"21:00-08:00\", \"frequencyCaps\": [\"care=10/30d\"]}");
            // series steps a few seconds apart (production keeps the one-minute minimum)
            Files.writeString(data.resolve("config/org.rapport.campaigns.cfg.json"),
                    "{\"tickMillis\": 100, \"batchSize\": 100, \"minStepDelaySeconds\": 1}");
        });
    }

    /** An IANA zone where the local hour is now {@code hour} (e.g. 12 awake, 2 in quiet hours). */
    static String zoneAt(int hour) {
        int utc = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        int h = Math.floorMod(hour - utc, 24);
        if (h > 14) {
            h -= 24;
        }
        return h == 0 ? "Etc/UTC" : h > 0 ? "Etc/GMT-" + h : "Etc/GMT+" + (-h);
    }

    static String phone(int i) {
        return String.format("+86139%08d", i);
    }

    static boolean optedOut(int i) {
        return i % 10 == 0;
    }

    static boolean asleep(int i) {
        return i % 10 == 1;
    }

    @Before
    public void setUp() throws Exception {
        if (admin != null) {
            return;
        }
        awaitSecurity();
        await("campaigns REST", TIMEOUT, () -> get("/api/v1/campaigns").statusCode() == 401);
        admin = signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
        loopback = context.installBundle(fixture("org.rapport.itest.loopback.jar").toUri().toString());
        loopback.start();
        await("loopback adapter", TIMEOUT, () -> get("/loopback/sent").statusCode() == 200);

        String awake = zoneAt(12);
        String night = zoneAt(2);
        StringBuilder csv = new StringBuilder("company name,contact name,phone,preferred channel,language,time zone,tags\n");
        for (int i = 0; i < CONTACTS; i++) {
            csv.append("Campaign IT Company ").append(i).append(",Contact ").append(i).append(',').append(phone(i)).append(",sms,")
                    .append(i % 2 == 0 ? "zh" : "en").append(',').append(asleep(i) ? night : awake).append(',').append(TAG).append('\n');
        }
        HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/v1/clients/import")).timeout(Duration.ofSeconds(60))
                .header("Cookie", "RAPPORT_SESSION=" + admin.cookie()).header("X-CSRF-Token", admin.csrfToken())
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .build());
        assertEquals(started.body(), 202, started.statusCode());
        String jobId = json(started).path("id").asText();
        JsonNode[] job = new JsonNode[1];
        await("import job finishes", Duration.ofSeconds(120), () -> {
            job[0] = json(get("/api/v1/jobs/" + jobId, admin));
            return List.of("succeeded", "failed").contains(job[0].path("state").asText());
        });
        assertEquals(job[0].toString(), CONTACTS, job[0].path("counts").path("imported").asLong());

        for (int i = 0; i < CONTACTS; i++) {
            if (optedOut(i)) {
                long contact = json(get("/api/v1/contacts?phone=" + phone(i).replace("+", "%2B"), admin)).path("items").path(0).path("id").asLong();
                HttpResponse<String> r = call("PUT", "/api/v1/contacts/" + contact + "/consents",
                        "{\"channel\": \"sms\", \"purpose\": \"care\", \"granted\": false, \"source\": \"test\"}");
                assertEquals(r.body(), 200, r.statusCode());
            }
        }
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", "RAPPORT_SESSION=" + admin.cookie()).header("X-CSRF-Token", admin.csrfToken())
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    private long createCampaign(String name, String mark, int rateLimit) {
        HttpResponse<String> created = call("POST", "/api/v1/campaigns", "{\"name\": \"" + name + "\", \"segment\": " + SEGMENT + ", "
                + "\"channel\": \"sms\", \"purpose\": \"care\", \"rateLimit\": " + rateLimit + ", \"templates\": {"
                + "\"zh\": {\"body\": \"" + mark + " {{ contact.name }}，{{ client.name }}感谢您的信任。\"}, "
                + "\"en\": {\"body\": \"" + mark + " Dear {{ contact.name }}, thank you from {{ client.name }}.\"}}, "
                + "\"schedule\": {\"type\": \"manual\"}}");
        assertEquals(created.body(), 201, created.statusCode());
        return json(created).path("id").asLong();
    }

    /** Phone → messages the loopback adapter sent whose text carries {@code mark}. */
    private Map<String, Integer> sentWith(String mark) {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode item : json(get("/loopback/sent")).path("items")) {
            if (item.path("text").asText().startsWith(mark + " ")) {
                out.merge(item.path("to").asText(), 1, Integer::sum);
            }
        }
        return out;
    }

    private void assertExactlyTheRightRecipients(Map<String, Integer> sent) {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < CONTACTS; i++) {
            if (!optedOut(i) && !asleep(i)) {
                expected.add(phone(i));
            }
        }
        assertEquals(expected, sent.keySet());
        sent.forEach((phone, n) -> assertEquals(phone + " messaged once", 1, n.intValue()));
    }

    private JsonNode awaitFinished(long id, int sent) {
        JsonNode[] stats = new JsonNode[1];
        await("campaign " + id + " finished and reported", Duration.ofSeconds(180), () -> {
            stats[0] = json(get("/api/v1/campaigns/" + id + "/stats", admin));
            return stats[0].path("state").asText().equals("completed") && stats[0].path("sent").asLong() >= sent;
        });
        return stats[0];
    }

    @Test
    public void segmentPreviewCountsAndSamplesLive() {
        JsonNode preview = json(call("POST", "/api/v1/segments/preview", "{\"rule\": " + SEGMENT + ", \"sample\": 5}"));
        assertEquals(preview.toString(), CONTACTS, preview.path("count").asLong());
        assertEquals(5, preview.path("sample").size());
        JsonNode consenting = json(call("POST", "/api/v1/segments/preview", "{\"rule\": {\"match\": \"all\", \"rules\": [" + SEGMENT
                + ", {\"field\": \"consent\", \"op\": \"not_opted_out\", \"channel\": \"sms\", \"purpose\": \"care\"}]}}"));
        assertEquals(consenting.toString(), CONTACTS - CONTACTS / 10, consenting.path("count").asLong());

        HttpResponse<String> bad = call("POST", "/api/v1/segments/preview", "{\"rule\": {\"field\": \"tier\", \"op\": \"eq\", "
                + "\"value\": \"x' OR 1=1 --\"}}");
        assertEquals(bad.body(), 200, bad.statusCode());
        assertEquals(0, json(bad).path("count").asLong());
        HttpResponse<String> unknown = call("POST", "/api/v1/segments/preview", "{\"rule\": {\"field\": \"shoeSize\", \"op\": \"eq\", \"value\": 4}}");
        assertEquals(unknown.body(), 400, unknown.statusCode());
        assertTrue(unknown.body(), json(unknown).path("fields").has("segment.field"));

        HttpResponse<String> saved = call("POST", "/api/v1/segments", "{\"name\": \"IT contacts\", \"rule\": " + SEGMENT + "}");
        assertEquals(saved.body(), 201, saved.statusCode());
        long segmentId = json(saved).path("id").asLong();
        assertEquals(CONTACTS, json(get("/api/v1/segments/" + segmentId + "/preview?sample=1", admin)).path("count").asLong());
    }

    @Test
    public void badTemplatesAreRefusedWithTheirLineAndAnEmptySegmentLaunchesNothing() {
        HttpResponse<String> bad = call("POST", "/api/v1/campaigns", "{\"name\": \"Broken\", \"segment\": " + SEGMENT + ", "
                + "\"channel\": \"sms\", \"purpose\": \"care\", \"templates\": {\"zh\": {\"body\": \"第一行\\n{{ contact.nmae }}\"}, "
                + "\"en\": {\"body\": \"{% if %}\"}}}");
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.body(), json(bad).path("fields").path("templates.zh.body").asText().startsWith("line 2: unknown variable"));
        assertTrue(bad.body(), json(bad).path("fields").path("templates.en.body").asText().startsWith("line 1"));
        HttpResponse<String> malformed = call("POST", "/api/v1/campaigns", "{\"name\": ");
        assertEquals(malformed.body(), 400, malformed.statusCode());

        HttpResponse<String> created = call("POST", "/api/v1/campaigns", "{\"name\": \"Nobody\", \"segment\": {\"field\": \"tag\", "
                + "\"op\": \"has\", \"value\": \"no-such-tag\"}, \"channel\": \"sms\", \"purpose\": \"care\", \"templates\": "
                + "{\"en\": {\"body\": \"Hello\"}}}");
        assertEquals(created.body(), 201, created.statusCode());
        HttpResponse<String> launch = call("POST", "/api/v1/campaigns/" + json(created).path("id").asLong() + "/launch", null);
        assertEquals(launch.body(), 409, launch.statusCode());
        assertEquals("empty_segment", json(launch).path("error").asText());
    }

    @Test
    public void aWelcomeCampaignGreetsEachNewClientOnce() {
        HttpResponse<String> created = call("POST", "/api/v1/campaigns", "{\"name\": \"Welcome IT\", \"segment\": {\"field\": \"tag\", "
                + "\"op\": \"has\", \"value\": \"welcome-it\"}, \"channel\": \"sms\", \"purpose\": \"care\", \"templates\": "
                + "{\"en\": {\"body\": \"WELCOME-MARK Welcome, {{ contact.name }}\"}}, \"schedule\": {\"type\": \"event\", \"event\": \"new_client\"}}");
        assertEquals(created.body(), 201, created.statusCode());
        long id = json(created).path("id").asLong();
        HttpResponse<String> listening = call("POST", "/api/v1/campaigns/" + id + "/launch", null);
        assertEquals(listening.body(), 200, listening.statusCode());
        assertEquals("running", json(listening).path("state").asText());

        String phone = "+8613799990001";
        HttpResponse<String> client = call("POST", "/api/v1/clients", "{\"name\": \"Welcome IT Ltd\", \"tags\": [\"welcome-it\"], "
                + "\"contacts\": [{\"name\": \"Wendy\", \"phones\": [\"" + phone + "\"], \"language\": \"en\", "
                + "\"timeZone\": \"" + zoneAt(12) + "\"}]}");
        assertEquals(client.body(), 201, client.statusCode());
        call("POST", "/api/v1/clients", "{\"name\": \"Not welcome Ltd\", \"contacts\": [{\"name\": \"Nick\", \"phones\": [\"+8613799990002\"]}]}");
        await("the welcome sent", Duration.ofSeconds(60), () -> sentWith("WELCOME-MARK").containsKey(phone));
        assertEquals(Map.of(phone, 1), sentWith("WELCOME-MARK"));
        JsonNode stats = json(get("/api/v1/campaigns/" + id + "/stats", admin));
        assertEquals(stats.toString(), 1, stats.path("targeted").asLong());
        assertEquals("still listening", "running", stats.path("state").asText());
        assertEquals(200, call("POST", "/api/v1/campaigns/" + id + "/cancel", null).statusCode());
    }

    /** The loopback adapter's records of messages whose text starts with {@code mark}. */
    private List<JsonNode> sentItems(String mark) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode item : json(get("/loopback/sent")).path("items")) {
            if (item.path("text").asText().startsWith(mark + " ")) {
                out.add(item);
            }
        }
        return out;
    }

    @Test
    public void aWelcomeSeriesSendsEachStepAfterItsDelayOnce() {
        String segment = "{\"field\": \"tag\", \"op\": \"has\", \"value\": \"series-it\"}";
        HttpResponse<String> bad = call("POST", "/api/v1/campaigns", "{\"name\": \"Series broken\", \"segment\": " + segment + ", "
                + "\"channel\": \"sms\", \"purpose\": \"care\", \"templates\": {\"en\": {\"body\": \"Hi\"}}, "
                + "\"steps\": [{\"delay\": \"PT0.5S\", \"templates\": {\"en\": {\"body\": \"one\\n{{ contact.nmae }}\"}}}]}");
        assertEquals(bad.body(), 400, bad.statusCode());
        assertTrue(bad.body(), json(bad).path("fields").path("steps[0].templates.en.body").asText().startsWith("line 2: unknown variable"));
        assertEquals(bad.body(), "at least 1 seconds", json(bad).path("fields").path("steps[0].delay").asText());

        HttpResponse<String> created = call("POST", "/api/v1/campaigns", "{\"name\": \"Welcome series IT\", \"segment\": " + segment + ", "
                + "\"channel\": \"sms\", \"purpose\": \"care\", \"templates\": {\"en\": {\"body\": \"SERIES-0 Welcome, {{ contact.name }}\"}}, "
                + "\"schedule\": {\"type\": \"event\", \"event\": \"new_client\"}, \"steps\": ["
                + "{\"delay\": \"PT4S\", \"templates\": {\"en\": {\"body\": \"SERIES-1 How is it going, {{ contact.name }}?\"}}}, "
                + "{\"delay\": \"PT4S\", \"templates\": {\"en\": {\"body\": \"SERIES-2 Your manager is {{ manager.name }}\"}}}]}");
        assertEquals(created.body(), 201, created.statusCode());
        long id = json(created).path("id").asLong();
        assertEquals(2, json(created).path("steps").size());
        assertEquals(200, call("POST", "/api/v1/campaigns/" + id + "/launch", null).statusCode());

        String phone = "+8613799990101";
        HttpResponse<String> client = call("POST", "/api/v1/clients", "{\"name\": \"Series IT Ltd\", \"tags\": [\"series-it\"], "
                + "\"contacts\": [{\"name\": \"Sam\", \"phones\": [\"" + phone + "\"], \"language\": \"en\", "
                + "\"timeZone\": \"" + zoneAt(12) + "\"}]}");
        assertEquals(client.body(), 201, client.statusCode());
        long contactId = json(get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), admin)).path("items").path(0).path("id").asLong();
        HttpResponse<String> preview = call("POST", "/api/v1/campaigns/" + id + "/preview", "{\"contactId\": " + contactId + ", \"step\": 1}");
        assertEquals(preview.body(), 200, preview.statusCode());
        assertEquals("SERIES-1 How is it going, Sam?", json(preview).path("body").asText());

        await("the greeting sent", Duration.ofSeconds(60), () -> sentWith("SERIES-0").containsKey(phone));
        JsonNode early = json(get("/api/v1/campaigns/" + id + "/stats", admin));
        assertEquals(early.toString(), 3, early.path("steps").size());
        await("the series finished", Duration.ofSeconds(90), () -> sentWith("SERIES-2").containsKey(phone));
        JsonNode first = sentItems("SERIES-0").get(0);
        JsonNode second = sentItems("SERIES-1").get(0);
        JsonNode third = sentItems("SERIES-2").get(0);
        assertEquals(Map.of(phone, 1), sentWith("SERIES-0"));
        assertEquals(Map.of(phone, 1), sentWith("SERIES-1"));
        assertEquals(Map.of(phone, 1), sentWith("SERIES-2"));
        assertTrue(second.toString(), second.path("key").asText().endsWith(":contact:" + contactId + ":step:1"));
        assertTrue(third.toString(), third.path("key").asText().endsWith(":contact:" + contactId + ":step:2"));
        assertTrue("step 1 waited for its delay: " + first + " " + second, second.path("at").asLong() - first.path("at").asLong() >= 2500);
        assertTrue("step 2 waited for its delay: " + second + " " + third, third.path("at").asLong() - second.path("at").asLong() >= 2500);

        JsonNode stats = json(get("/api/v1/campaigns/" + id + "/stats", admin));
        assertEquals(stats.toString(), 1, stats.path("targeted").asLong());
        assertEquals(stats.toString(), "running", stats.path("state").asText());
        for (int step = 0; step < 3; step++) {
            assertEquals(stats.toString(), 1, stats.path("steps").path(step).path("queued").asLong());
            assertEquals(stats.toString(), 0, stats.path("steps").path(step).path("pending").asLong());
        }
        HttpResponse<String> csv = get("/api/v1/campaigns/" + id + "/recipients.csv", admin);
        assertTrue(csv.body(), csv.body().split("\r\n")[0].endsWith(",step,stepState,stepReasonCode,stepDueAt"));
        assertTrue(csv.body(), csv.body().split("\r\n")[1].contains(",2,queued,"));
        assertEquals(200, call("POST", "/api/v1/campaigns/" + id + "/cancel", null).statusCode());
    }

    @Test
    public void exactlyTheRightRecipientsGetOneMessageEachAlsoAcrossABundleRestart() throws Exception {
        long first = createCampaign("Quarterly care IT", "MARK-A", 2000);
        HttpResponse<String> preview = call("POST", "/api/v1/campaigns/" + first + "/preview", "{\"contactId\": "
                + json(get("/api/v1/contacts?phone=" + phone(3).replace("+", "%2B"), admin)).path("items").path(0).path("id").asLong() + "}");
        assertEquals(preview.body(), 200, preview.statusCode());
        assertEquals("MARK-A Dear Contact 3, thank you from Campaign IT Company 3.", json(preview).path("body").asText());

        HttpResponse<String> launched = call("POST", "/api/v1/campaigns/" + first + "/launch", null);
        assertEquals(launched.body(), 200, launched.statusCode());
        assertEquals(CONTACTS, json(launched).path("targeted").asLong());
        JsonNode stats = awaitFinished(first, 800);
        assertEquals(stats.toString(), CONTACTS, stats.path("targeted").asLong());
        assertEquals(stats.toString(), 100, stats.path("skipped").asLong());
        assertEquals(stats.toString(), 100, stats.path("skippedBy").path("opted_out").asLong());
        assertEquals(stats.toString(), 100, stats.path("deferred").asLong());
        assertEquals(stats.toString(), 800, stats.path("sent").asLong());
        assertEquals(stats.toString(), 0, stats.path("failed").asLong());
        assertExactlyTheRightRecipients(sentWith("MARK-A"));

        HttpResponse<String> csv = get("/api/v1/campaigns/" + first + "/recipients.csv", admin);
        assertEquals(200, csv.statusCode());
        assertEquals(CONTACTS + 1, csv.body().split("\r\n").length);
        assertTrue(csv.body().contains(",skipped,opted_out,"));
        assertTrue(csv.body().contains(",deferred,quiet_hours,"));

        // a second campaign, slower, with the campaigns bundle stopped mid-run and started again
        long second = createCampaign("Win-back IT", "MARK-B", 150);
        assertEquals(200, call("POST", "/api/v1/campaigns/" + second + "/launch", null).statusCode());
        await("part of the run sent", Duration.ofSeconds(60), () -> sentWith("MARK-B").size() >= 100);
        // the adapter stops: what the campaign hands over now waits in the outbox ...
        int beforeStop = sentWith("MARK-B").size();
        loopback.stop();
        long queuedBefore = json(get("/api/v1/campaigns/" + second + "/stats", admin)).path("steps").path(0).path("queued").asLong();
        await("more handed to the outbox", Duration.ofSeconds(60),
                () -> json(get("/api/v1/campaigns/" + second + "/stats", admin)).path("steps").path(0).path("queued").asLong() >= queuedBefore + 50);
        Bundle campaigns = bundle("org.rapport.campaigns");
        campaigns.stop();
        await("campaigns REST gone", TIMEOUT, () -> get("/api/v1/campaigns").statusCode() == 404);
        // ... and is sent while the campaigns bundle is stopped: those delivery reports are not heard as events
        loopback.start();
        await("sent while the campaigns bundle is stopped", Duration.ofSeconds(60), () -> sentWith("MARK-B").size() >= beforeStop + 50);
        int whileStopped = sentWith("MARK-B").size();
        assertTrue("stopped mid-run: " + whileStopped, whileStopped < 800);
        assertEquals("the rest keeps working", 401, get("/api/v1/clients").statusCode());
        assertEquals(200, get("/api/v1/clients", admin).statusCode());
        campaigns.start();
        await("campaigns REST back", TIMEOUT, () -> get("/api/v1/campaigns").statusCode() == 401);
        // the statuses posted meanwhile are caught up from the Messenger at start: all 800 counted as sent
        JsonNode again = awaitFinished(second, 800);
        assertEquals(again.toString(), 800, again.path("sent").asLong());
        await("every message of the second run handed to the adapter", Duration.ofSeconds(60), () -> sentWith("MARK-B").size() >= 800);
        assertEquals(again.toString(), CONTACTS, again.path("targeted").asLong());
        assertEquals(again.toString(), 100, again.path("skipped").asLong());
        assertEquals(again.toString(), 0, again.path("pending").asLong());
        assertExactlyTheRightRecipients(sentWith("MARK-B"));
        assertExactlyTheRightRecipients(sentWith("MARK-A"));

        HttpResponse<String> pause = call("POST", "/api/v1/campaigns/" + second + "/pause", null);
        assertEquals(pause.body(), 409, pause.statusCode());
    }

    private long createCampaign(String name, String mark, String segment) {
        HttpResponse<String> created = call("POST", "/api/v1/campaigns", "{\"name\": \"" + name + "\", \"segment\": " + segment + ", "
                + "\"channel\": \"sms\", \"purpose\": \"care\", \"templates\": {\"en\": {\"body\": \"" + mark + " Dear {{ contact.name }}\"}}}");
        assertEquals(created.body(), 201, created.statusCode());
        return json(created).path("id").asLong();
    }

    private long sqlCount(String sql) {
        var ref = context.getServiceReference(org.rapport.store.Store.class);
        org.rapport.store.Store store = context.getService(ref);
        try {
            return store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
        } finally {
            context.ungetService(ref);
        }
    }

    /** Makes the outbox rows of these campaigns due now, as if their quiet hours had ended. */
    private void makeDue(long... campaignIds) {
        var ref = context.getServiceReference(org.rapport.store.Store.class);
        org.rapport.store.Store store = context.getService(ref);
        try {
            for (long id : campaignIds) {
                store.jdbi().useHandle(h -> h.createUpdate("UPDATE conv_outbox SET due_at = :now WHERE idempotency_key LIKE :prefix")
                        .bind("now", java.sql.Timestamp.from(java.time.Instant.now())).bind("prefix", "campaign:" + id + ":run:%").execute());
            }
        } finally {
            context.ungetService(ref);
        }
    }

    @Test
    public void aCancelledCampaignsMessagesDeferredByQuietHoursAreNeverDelivered() {
        String segment = "{\"field\": \"tag\", \"op\": \"has\", \"value\": \"withdraw-it\"}";
        List<String> phones = List.of("+8613799990201", "+8613799990202", "+8613799990203");
        List<Long> contacts = new java.util.ArrayList<>();
        for (String phone : phones) {
            HttpResponse<String> client = call("POST", "/api/v1/clients", "{\"name\": \"Withdraw IT " + phone + "\", \"tags\": [\"withdraw-it\"], "
                    + "\"contacts\": [{\"name\": \"Night " + phone + "\", \"phones\": [\"" + phone + "\"], \"language\": \"en\", "
                    + "\"timeZone\": \"" + zoneAt(2) + "\"}]}");
            assertEquals(client.body(), 201, client.statusCode());
            contacts.add(json(get("/api/v1/contacts?phone=" + phone.replace("+", "%2B"), admin)).path("items").path(0).path("id").asLong());
        }
        long cancelled = createCampaign("Withdraw IT", "WD-CANCEL", segment);
        long kept = createCampaign("Withdraw control IT", "WD-KEEP", segment);
        for (long id : List.of(cancelled, kept)) {
            assertEquals(200, call("POST", "/api/v1/campaigns/" + id + "/launch", null).statusCode());
            await("campaign " + id + " deferred by quiet hours", Duration.ofSeconds(60), () -> {
                JsonNode stats = json(get("/api/v1/campaigns/" + id + "/stats", admin));
                return stats.path("state").asText().equals("completed") && stats.path("deferred").asLong() == 3;
            });
        }
        long withdrawnBefore = json(get("/api/v1/outbox", admin)).path("counts").path("withdrawn").asLong();

        HttpResponse<String> cancel = call("POST", "/api/v1/campaigns/" + cancelled + "/cancel", null);
        assertEquals(cancel.body(), 200, cancel.statusCode());
        JsonNode stats = json(cancel);
        assertEquals(stats.toString(), "cancelled", stats.path("state").asText());
        assertEquals(stats.toString(), 0, stats.path("deferred").asLong());
        assertEquals(stats.toString(), 3, stats.path("steps").path(0).path("cancelled").asLong());
        assertEquals(withdrawnBefore + 3, json(get("/api/v1/outbox", admin)).path("counts").path("withdrawn").asLong());
        for (JsonNode r : json(get("/api/v1/campaigns/" + cancelled + "/recipients", admin)).path("items")) {
            assertEquals(r.toString(), "withdrawn", r.path("reasonCode").asText());
        }
        HttpResponse<String> again = call("POST", "/api/v1/campaigns/" + cancelled + "/cancel", null);
        assertEquals(again.body(), 409, again.statusCode());

        // quiet hours end for them: awake now, and the outbox rows due
        for (long contact : contacts) {
            HttpResponse<String> r = call("PATCH", "/api/v1/contacts/" + contact, "{\"timeZone\": \"" + zoneAt(12) + "\"}");
            assertEquals(r.body(), 200, r.statusCode());
        }
        makeDue(cancelled, kept);
        await("the control campaign delivered", Duration.ofSeconds(60), () -> sentWith("WD-KEEP").size() == 3);
        assertEquals(Map.of(), sentWith("WD-CANCEL"));
        assertEquals(3, sqlCount("SELECT COUNT(*) FROM conv_message WHERE status = 'withdrawn' AND body LIKE 'WD-CANCEL %'"));
        assertEquals(200, call("POST", "/api/v1/campaigns/" + kept + "/cancel", null).statusCode());
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}

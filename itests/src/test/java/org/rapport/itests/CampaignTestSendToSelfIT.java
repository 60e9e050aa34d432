package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.rapport.channel.devmail.DevMail;
import org.rapport.conversations.channel.ChannelAdapter;

/**
 * A campaign's test send to the admin themself, end to end with the email channel and a real mail
 * server (GreenMail, the devmail bundle): without an email address it is a 409 saying to set one; the
 * admin sets their own address (a bad one is a 400); the test send renders for the chosen contact and
 * the admin's mailbox receives exactly one {@code [TEST]} mail with that contact's content, the
 * contact none; the gate logged an allowed {@code internal} decision; bad input is a 4xx, never a 500.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CampaignTestSendToSelfIT extends SecurityTestSupport {
    private static final String ADMIN_EMAIL = "Admin.Self@staff.example.com";
    private static final String CONTACT_EMAIL = "li.na@testsend-client.example.com";

    @Configuration
    public Option[] config() {
        Option[] server = rapport(data -> {
            Files.writeString(data.resolve("config/org.rapport.security.cfg.json"),
                    "{\"initialAdminPassword\": \"" + RecordsRestTestBase.ADMIN_PASSWORD + "\"}");
            Files.writeString(data.resolve("config/org.rapport.compliance.cfg.json"),
                    "{\"defaultGranted\": [\"service\", \"care\"]}");
        });
        Option[] mail = {frameworkProperty("rapport.devmail.enabled").value("true"), frameworkProperty("rapport.devmail.smtp.port").value("0"),
            frameworkProperty("rapport.devmail.imap.port").value("0"), frameworkProperty("rapport.devmail.support").value("care@rapport.test")};
        return org.ops4j.pax.exam.OptionUtils.combine(server, mail);
    }

    private Session admin;

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Cookie", "RAPPORT_SESSION=" + admin.cookie()).header("X-CSRF-Token", admin.csrfToken())
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    private static void assert4xx(HttpResponse<String> response, int status, String error) {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(response.body(), response.body().contains("\"" + error + "\""));
    }

    @Test
    public void anAdminSetsTheirEmailAndGetsExactlyOneTestMailRenderedForTheContact() throws Exception {
        awaitSecurity();
        await("campaigns REST", TIMEOUT, () -> get("/api/v1/campaigns").statusCode() == 401);
        admin = signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
        await("the dev mail server", TIMEOUT, () -> context.getServiceReference(DevMail.class) != null);
        DevMail mail = context.getService(context.getServiceReference(DevMail.class));
        await("the support mailbox's adapter", TIMEOUT, () -> {
            try {
                return !context.getServiceReferences(ChannelAdapter.class, "(channel=email)").isEmpty();
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        HttpResponse<String> client = call("POST", "/api/v1/clients", "{\"name\": \"Test Send Trading\", \"contacts\": [{\"name\": \"Li Na\", "
                + "\"emails\": [\"" + CONTACT_EMAIL + "\"], \"language\": \"en\", \"timeZone\": \"" + CampaignsIT.zoneAt(12) + "\"}]}");
        assertEquals(client.body(), 201, client.statusCode());
        long contactId = json(call("GET", "/api/v1/clients/" + json(client).path("id").asLong() + "/contacts", null)).path("items").get(0)
                .path("id").asLong();
        HttpResponse<String> created = call("POST", "/api/v1/campaigns", "{\"name\": \"Spring care\", \"channel\": \"email\", "
                + "\"purpose\": \"care\", \"segment\": {\"field\": \"tag\", \"op\": \"has\", \"value\": \"nobody-has-this\"}, \"templates\": {"
                + "\"zh\": {\"subject\": \"{{ client.name }} 春季关怀\", \"body\": \"尊敬的{{ contact.name }}：感谢您的信任。\"}, "
                + "\"en\": {\"subject\": \"Spring care for {{ client.name }}\", \"body\": \"Dear {{ contact.name }}, thank you for your trust.\"}}}");
        assertEquals(created.body(), 201, created.statusCode());
        long id = json(created).path("id").asLong();
        String testSend = "/api/v1/campaigns/" + id + "/test-send";

        // no email yet: a clear 409, nothing sent
        JsonNode me = json(call("GET", "/api/v1/auth/me", null)).path("user");
        long adminId = me.path("id").asLong();
        assertTrue(me.toString(), me.path("email").isNull());
        HttpResponse<String> noEmail = call("POST", testSend, "{\"contactId\": " + contactId + ", \"toSelf\": true}");
        assert4xx(noEmail, 409, "no_email");
        assertTrue(noEmail.body(), json(noEmail).path("message").asText().contains("email"));

        // a bad address is a 400 naming the field; a good one is kept and shown
        HttpResponse<String> bad = call("PUT", "/api/v1/users/" + adminId + "/email", "{\"email\": \"admin at staff\"}");
        assert4xx(bad, 400, "invalid");
        assertTrue(bad.body(), bad.body().contains("email"));
        HttpResponse<String> set = call("PUT", "/api/v1/users/" + adminId + "/email", "{\"email\": \"" + ADMIN_EMAIL + "\"}");
        assertEquals(set.body(), 200, set.statusCode());
        assertEquals(ADMIN_EMAIL, json(call("GET", "/api/v1/auth/me", null)).path("user").path("email").asText());

        // bad input: 4xx, never a 500
        assert4xx(call("POST", testSend, "{\"contactId\": 987654321, \"toSelf\": true}"), 404, "not_found");
        assert4xx(call("POST", testSend, "{\"toSelf\": true}"), 400, "invalid");
        assertEquals(404, call("POST", "/api/v1/campaigns/987654321/test-send", "{\"contactId\": " + contactId + ", \"toSelf\": true}")
                .statusCode());
        int malformed = call("POST", testSend, "{\"contactId\": \"x\", \"toSelf\": true").statusCode();
        assertTrue("malformed JSON: " + malformed, malformed >= 400 && malformed < 500);

        // the test send to oneself
        HttpResponse<String> sent = call("POST", testSend, "{\"contactId\": " + contactId + ", \"toSelf\": true}");
        assertEquals(sent.body(), 200, sent.statusCode());
        assertEquals(sent.body(), "queued", json(sent).path("status").asText());
        String inbox = ADMIN_EMAIL.toLowerCase(java.util.Locale.ROOT);
        await("the test mail to the admin", Duration.ofSeconds(120), () -> !mail.inbox(inbox).isEmpty() || !mail.inbox(ADMIN_EMAIL).isEmpty());
        Thread.sleep(3000); // a second mail would be a duplicate
        List<DevMail.Mail> received = mail.inbox(inbox).isEmpty() ? mail.inbox(ADMIN_EMAIL) : mail.inbox(inbox);
        assertEquals(received.toString(), 1, received.size());
        assertEquals("[TEST] Spring care for Test Send Trading", received.get(0).subject());
        assertTrue(received.get(0).text(), received.get(0).text().startsWith("Dear Li Na, thank you for your trust."));
        assertTrue("the contact gets nothing", mail.inbox(CONTACT_EMAIL).isEmpty());

        // the gate decided it as an internal message to staff, and the inbox does not show it
        JsonNode decisions = json(call("GET", "/api/v1/compliance/decisions?size=100", null)).path("items");
        assertTrue(decisions.toString(), StreamSupport.stream(decisions.spliterator(), false).anyMatch(d -> d.path("purpose").asText()
                .equals("internal") && d.path("decision").asText().equals("allow") && d.path("contactId").isNull()));
        for (String status : new String[] {"", "?status=closed"}) {
            JsonNode conversations = json(call("GET", "/api/v1/conversations" + status, null)).path("items");
            assertFalse(conversations.toString(), conversations.toString().contains("staff.example.com"));
        }

        // the existing contract is unchanged: without toSelf the test goes to the contact
        HttpResponse<String> toContact = call("POST", testSend, "{\"contactId\": " + contactId + "}");
        assertEquals(toContact.body(), 200, toContact.statusCode());
        await("the test mail to the contact", Duration.ofSeconds(120), () -> !mail.inbox(CONTACT_EMAIL).isEmpty());
        Thread.sleep(2000);
        assertEquals(1, mail.inbox(CONTACT_EMAIL).size());
        assertEquals("[TEST] Spring care for Test Send Trading", mail.inbox(CONTACT_EMAIL).get(0).subject());
        assertEquals(1, (mail.inbox(inbox).isEmpty() ? mail.inbox(ADMIN_EMAIL) : mail.inbox(inbox)).size());

        // clearing the address makes the test send to oneself a 409 again
        assertEquals(200, call("PUT", "/api/v1/users/" + adminId + "/email", "{\"email\": null}").statusCode());
        assert4xx(call("POST", testSend, "{\"contactId\": " + contactId + ", \"toSelf\": true}"), 409, "no_email");

        // any user sets their own address, but not someone else's
        HttpResponse<String> agent = call("POST", "/api/v1/users", "{\"username\": \"agent.self\", \"password\": \"agent-password-1\", "
                + "\"roles\": [\"agent\"]}");
        assertEquals(agent.body(), 201, agent.statusCode());
        long agentId = json(agent).path("id").asLong();
        admin = signIn("agent.self", "agent-password-1");
        HttpResponse<String> own = call("PUT", "/api/v1/users/" + agentId + "/email", "{\"email\": \"agent.self@staff.example.com\"}");
        assertEquals(own.body(), 200, own.statusCode());
        assertEquals(403, call("PUT", "/api/v1/users/" + adminId + "/email", "{\"email\": \"x@staff.example.com\"}").statusCode());
    }
}

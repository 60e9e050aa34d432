package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * An email campaign end to end with the email channel and a real mail server (GreenMail, the devmail
 * bundle): each contact of the segment gets exactly one mail carrying the signed one-click
 * unsubscribe link; one contact unsubscribes with it (RFC 8058 POST), and the next run skips that
 * contact as opted out while the others get their second mail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CampaignEmailIT extends SecurityTestSupport {
    private static final int CONTACTS = 30;
    private static final Pattern LINK = Pattern.compile("https?://[^\\s]+(/unsubscribe/[^\\s]+)");

    @Configuration
    public Option[] config() {
        Option[] server = rapport(data -> {
            Files.writeString(data.resolve("config/org.rapport.security.cfg.json"),
                    "{\"initialAdminPassword\": \"" + RecordsRestTestBase.ADMIN_PASSWORD + "\"}");
            Files.writeString(data.resolve("config/org.rapport.compliance.cfg.json"),
                    "{\"defaultGranted\": [\"service\", \"care\"], \"frequencyCaps\": [\"care=10/30d\"]}");
            Files.writeString(data.resolve("config/org.rapport.campaigns.cfg.json"), "{\"tickMillis\": 100}");
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

    private static String address(int i) {
        return "care" + i + "@client" + i + ".example.com";
    }

    @Test
    public void eachContactGetsOneMail_andOneClickUnsubscribeStopsTheNextRun() throws Exception {
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
        String zone = CampaignsIT.zoneAt(12);
        for (int i = 0; i < CONTACTS; i++) {
            HttpResponse<String> created = call("POST", "/api/v1/clients", "{\"name\": \"Email Campaign Co " + i + "\", \"tags\": [\"email-it\"], "
                    + "\"contacts\": [{\"name\": \"Contact " + i + "\", \"emails\": [\"" + address(i) + "\"], \"language\": \""
                    + (i % 2 == 0 ? "zh" : "en") + "\", \"timeZone\": \"" + zone + "\"}]}");
            assertEquals(created.body(), 201, created.statusCode());
        }
        HttpResponse<String> created = call("POST", "/api/v1/campaigns", "{\"name\": \"Care by email\", \"channel\": \"email\", "
                + "\"purpose\": \"care\", \"segment\": {\"field\": \"tag\", \"op\": \"has\", \"value\": \"email-it\"}, \"templates\": {"
                + "\"zh\": {\"subject\": \"{{ client.name }} 季度关怀\", \"body\": \"尊敬的{{ contact.name }}：感谢您的信任。\\n退订：{{ unsubscribeUrl }}\"}, "
                + "\"en\": {\"subject\": \"Quarterly care for {{ client.name }}\", \"body\": \"Dear {{ contact.name }}, thank you.\\n"
                + "Unsubscribe: {{ unsubscribeUrl }}\"}}}");
        assertEquals(created.body(), 201, created.statusCode());
        long id = json(created).path("id").asLong();
        assertEquals(200, call("POST", "/api/v1/campaigns/" + id + "/launch", null).statusCode());
        for (int i = 0; i < CONTACTS; i++) {
            String to = address(i);
            await("the mail to " + to, Duration.ofSeconds(120), () -> !mail.inbox(to).isEmpty());
        }
        Thread.sleep(3000); // a second mail would be a duplicate
        for (int i = 0; i < CONTACTS; i++) {
            List<DevMail.Mail> inbox = mail.inbox(address(i));
            assertEquals(address(i), 1, inbox.size());
            String subject = i % 2 == 0 ? "Email Campaign Co " + i + " 季度关怀" : "Quarterly care for Email Campaign Co " + i;
            assertEquals(subject, inbox.get(0).subject());
            assertTrue(inbox.get(0).text(), LINK.matcher(inbox.get(0).text()).find());
        }
        assertTrue(mail.inbox(address(0)).get(0).text().startsWith("尊敬的Contact 0"));
        await("delivery reported", Duration.ofSeconds(60), () -> json(get("/api/v1/campaigns/" + id + "/stats", admin)).path("sent").asLong()
                == CONTACTS);

        // contact 3 unsubscribes with the link of the mail (RFC 8058 one-click POST)
        Matcher link = LINK.matcher(mail.inbox(address(3)).get(0).text());
        assertTrue(link.find());
        HttpResponse<String> unsubscribed = send(HttpRequest.newBuilder(uri(link.group(1))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertEquals(unsubscribed.body(), 200, unsubscribed.statusCode());
        await("the opt-out counted for the run", Duration.ofSeconds(30),
                () -> json(get("/api/v1/campaigns/" + id + "/stats", admin)).path("optedOut").asLong() == 1);

        // the next run: everyone again but contact 3, skipped as opted out
        HttpResponse<String> again = call("POST", "/api/v1/campaigns/" + id + "/launch", null);
        assertEquals(again.body(), 200, again.statusCode());
        JsonNode[] stats = new JsonNode[1];
        await("the second run completes", Duration.ofSeconds(120), () -> {
            stats[0] = json(get("/api/v1/campaigns/" + id + "/stats", admin));
            return stats[0].path("run").asInt() == 2 && stats[0].path("state").asText().equals("completed");
        });
        assertEquals(stats[0].toString(), 1, stats[0].path("skippedBy").path("opted_out").asLong());
        for (int i = 0; i < CONTACTS; i++) {
            String to = address(i);
            int expected = i == 3 ? 1 : 2;
            await("mail " + expected + " to " + to, Duration.ofSeconds(120), () -> mail.inbox(to).size() >= expected);
        }
        Thread.sleep(3000);
        for (int i = 0; i < CONTACTS; i++) {
            assertEquals(address(i), i == 3 ? 1 : 2, mail.inbox(address(i)).size());
        }
    }
}

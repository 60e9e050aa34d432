package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.InboundSink;

/**
 * Conversations end to end with a real channel adapter bundle (the loopback fixture, an OSGi
 * service like any adapter): a client's message → the bot's answer through the compliance gate
 * and the outbox → the adapter; hand-over and a staff reply from the inbox API; the adapter's
 * bundle stopped while 1,000 answers queue, each delivered exactly once when it returns; the
 * bot's REST contract and bad input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConversationsIT extends SecurityTestSupport {

    private static final String PHONE = "+8613912345678";
    private static Session admin;
    private static long contactId;
    private static Bundle loopback;

    @Configuration
    public Option[] config() {
        return RecordsRestTestBase.server(null);
    }

    @Before
    public void setUp() throws Exception {
        if (admin != null) {
            return;
        }
        awaitSecurity();
        await("conversations REST", TIMEOUT, () -> get("/api/v1/conversations").statusCode() == 401);
        admin = signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
        HttpResponse<String> client = call("POST", "/api/v1/clients", "{\"name\": \"华东精密机械有限公司\", \"contacts\": [{\"name\": \"李娜\", "
                + "\"phones\": [\"" + PHONE + "\"], \"emails\": [\"li.na@hd-jm.cn\"], \"language\": \"zh\"}]}");
        assertEquals(client.body(), 201, client.statusCode());
        contactId = json(client).path("contacts").path(0).path("id").asLong();
        loopback = context.installBundle(fixture("org.rapport.itest.loopback.jar").toUri().toString());
        loopback.start();
        await("loopback adapter", TIMEOUT, () -> get("/loopback/sent").statusCode() == 200);
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "RAPPORT_SESSION=" + admin.cookie()).header("X-CSRF-Token", admin.csrfToken())
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    private JsonNode inbound(String from, String text) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/loopback/inbound")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\": " + quote(from) + ", \"text\": " + quote(text) + "}")).build());
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    private JsonNode sent() {
        return json(get("/loopback/sent")).path("items");
    }

    private boolean sentTo(String to, String containing) {
        for (JsonNode m : sent()) {
            if (m.path("to").asText().equals(to) && m.path("text").asText().contains(containing)) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void aClientsMessageIsAnsweredThroughTheGateAndTheOutbox() {
        JsonNode received = inbound(PHONE, "你好");
        assertEquals(contactId, received.path("contactId").asLong());
        await("the bot's greeting reaches the adapter", TIMEOUT, () -> sentTo(PHONE, "智能助理"));
        long conversation = received.path("conversationId").asLong();
        JsonNode messages = json(call("GET", "/api/v1/conversations/" + conversation + "/messages", null)).path("items");
        assertEquals("inbound", messages.path(0).path("direction").asText());
        assertEquals("greeting", messages.path(1).path("intent").asText());
        await("delivery status back on the message", TIMEOUT, () -> json(call("GET", "/api/v1/conversations/" + conversation
                + "/messages", null)).path("items").path(1).path("status").asText().equals("sent"));
        JsonNode list = json(call("GET", "/api/v1/conversations?contactId=" + contactId + "&status=open", null));
        assertTrue(list.path("total").asLong() >= 1);
    }

    @Test
    public void aClosedComplaintIsFollowedUpByItsCampaign() {
        HttpResponse<String> created = call("POST", "/api/v1/campaigns", "{\"name\": \"Complaint follow-up IT\", \"segment\": "
                + "{\"match\": \"all\", \"rules\": []}, \"channel\": \"sms\", \"purpose\": \"care\", \"templates\": "
                + "{\"zh\": {\"body\": \"回访：{{ contact.name }}，您的投诉已处理完毕，感谢您的耐心。\"}, "
                + "\"en\": {\"body\": \"Follow-up: {{ contact.name }}, your complaint is resolved.\"}}, "
                + "\"schedule\": {\"type\": \"event\", \"event\": \"complaint_closed\"}}");
        assertEquals(created.body(), 201, created.statusCode());
        long campaign = json(created).path("id").asLong();
        assertEquals(200, call("POST", "/api/v1/campaigns/" + campaign + "/launch", null).statusCode());
        assertEquals(200, call("PUT", "/api/v1/contacts/" + contactId + "/consents",
                "{\"channel\": \"sms\", \"purpose\": \"care\", \"granted\": true, \"source\": \"test\"}").statusCode());

        inbound(PHONE, "你们又多收了我们的手续费，太不像话了，我要投诉！");
        await("the complaint is filed", TIMEOUT, () -> json(call("GET", "/api/v1/complaints?status=received", null)).path("items").size() > 0);
        JsonNode complaint = json(call("GET", "/api/v1/complaints?status=received", null)).path("items").path(0);
        assertEquals(contactId, complaint.path("contactId").asLong());
        long id = complaint.path("id").asLong();
        assertEquals(400, call("POST", "/api/v1/complaints/" + id + "/status", "{\"status\": \"sideways\"}").statusCode());
        assertEquals(400, call("POST", "/api/v1/complaints/" + id + "/status", "{\"status\": ").statusCode());
        assertEquals(404, call("POST", "/api/v1/complaints/987654/status", "{\"status\": \"closed\"}").statusCode());
        assertEquals(200, call("POST", "/api/v1/complaints/" + id + "/status", "{\"status\": \"analysing\", \"note\": \"查看收费记录\"}")
                .statusCode());
        assertEquals(409, call("POST", "/api/v1/complaints/" + id + "/status", "{\"status\": \"received\"}").statusCode());
        assertFalse("no follow-up before the complaint is closed", sentTo(PHONE, "回访"));
        HttpResponse<String> closed = call("POST", "/api/v1/complaints/" + id + "/status", "{\"status\": \"closed\", \"note\": \"已退还手续费\"}");
        assertEquals(closed.body(), 200, closed.statusCode());
        assertEquals("closed", json(closed).path("status").asText());
        await("the follow-up reaches the client", TIMEOUT, () -> sentTo(PHONE, "回访：李娜"));
        JsonNode stats = json(call("GET", "/api/v1/campaigns/" + campaign + "/stats", null));
        assertEquals(stats.toString(), 1, stats.path("targeted").asLong());
    }

    @Test
    public void aRequestForAPersonIsHandedOver_andTheStaffReplyReachesTheClient() {
        String phone = "+8613700000001";
        long conversation = inbound(phone, "转人工").path("conversationId").asLong();
        JsonNode c = json(call("GET", "/api/v1/conversations/" + conversation, null));
        assertEquals("waiting", c.path("status").asText());
        assertEquals("human", c.path("mode").asText());
        HttpResponse<String> reply = call("POST", "/api/v1/conversations/" + conversation + "/reply",
                "{\"text\": \"您好，我是客服小王，请问有什么可以帮您？\"}");
        assertEquals(reply.body(), 201, reply.statusCode());
        await("the staff reply reaches the adapter", TIMEOUT, () -> sentTo(phone, "客服小王"));
        assertEquals(201, call("POST", "/api/v1/conversations/" + conversation + "/notes", "{\"text\": \"VIP\"}").statusCode());
        assertEquals(200, call("POST", "/api/v1/conversations/" + conversation + "/close", null).statusCode());
        assertEquals("closed", json(call("GET", "/api/v1/conversations/" + conversation, null)).path("status").asText());
    }

    @Test
    public void withTheAdaptersBundleStopped1000AnswersWait_andEachIsDeliveredOnceWhenItReturns() throws Exception {
        loopback.stop();
        ServiceReference<InboundSink> ref = context.getServiceReference(InboundSink.class);
        InboundSink sink = context.getService(ref);
        try {
            for (int i = 0; i < 1000; i++) {
                sink.receive(InboundMessage.of("sms", "rel-" + i, "+86150" + String.format("%08d", i), "hello"));
            }
        } finally {
            context.ungetService(ref);
        }
        Thread.sleep(1500);
        loopback.start();
        await("1000 answers delivered", Duration.ofSeconds(120), () -> {
            int n = 0;
            for (JsonNode m : sent()) {
                n += m.path("to").asText().startsWith("+86150") ? 1 : 0;
            }
            return n == 1000;
        });
        Map<String, Integer> perAddress = new HashMap<>();
        for (JsonNode m : sent()) {
            perAddress.merge(m.path("to").asText(), 1, Integer::sum);
        }
        for (int i = 0; i < 1000; i++) {
            assertEquals("one answer to sender " + i, Integer.valueOf(1), perAddress.get("+86150" + String.format("%08d", i)));
        }
        JsonNode state = json(get("/loopback/sent"));
        assertEquals("nothing was handed to the adapter twice", 0, state.path("repeats").asInt());
    }

    @Test
    public void theBotCanBeTriedOverRest_andNeverGivesAccountDataToAnUnverifiedAsker() {
        HttpResponse<String> anonymous = call("POST", "/api/v1/bot/ask", "{\"text\": \"我的客户经理是谁\"}");
        assertEquals(anonymous.body(), 200, anonymous.statusCode());
        JsonNode a = json(anonymous);
        assertEquals("account_manager", a.path("intent").asText());
        assertTrue(a.path("answer").asText().contains("验证"));
        assertFalse(a.path("handover").asBoolean());
        JsonNode verified = json(call("POST", "/api/v1/bot/ask", "{\"text\": \"我的客户经理是谁\", \"contactId\": " + contactId + "}"));
        assertEquals("account_manager", verified.path("intent").asText());
        assertFalse(verified.path("answer").asText().contains("验证"));
        JsonNode human = json(call("POST", "/api/v1/bot/ask", "{\"text\": \"I want to talk to a human\", \"language\": \"en\"}"));
        assertTrue(human.path("handover").asBoolean());
        assertEquals("en", human.path("language").asText());
    }

    @Test
    public void badInputIsA4xxWithAMessage() {
        for (Map.Entry<String, Integer> c : Map.of(
                "/api/v1/conversations/abc", 404, "/api/v1/conversations/999999", 404, "/api/v1/conversations?size=5000", 400,
                "/api/v1/conversations?status=lost", 400, "/api/v1/conversations?contactId=x", 400).entrySet()) {
            HttpResponse<String> r = call("GET", c.getKey(), null);
            assertEquals(c.getKey() + ": " + r.body(), (int) c.getValue(), r.statusCode());
            assertTrue(r.body().contains("\"message\""));
        }
        long conversation = inbound("+8613700000002", "hi").path("conversationId").asLong();
        for (String body : List.of("{\"text\": \"  \"}", "{}", "{\"text\": 5, \"x\": 1}", "not json")) {
            HttpResponse<String> r = call("POST", "/api/v1/conversations/" + conversation + "/reply", body);
            assertEquals(body + ": " + r.body(), 400, r.statusCode());
        }
        assertEquals(400, call("POST", "/api/v1/conversations/" + conversation + "/assign", "{\"staffId\": 99999}").statusCode());
        assertEquals(400, call("POST", "/api/v1/bot/ask", "{\"text\": \"" + "x".repeat(5000) + "\"}").statusCode());
        assertEquals(400, call("POST", "/api/v1/bot/ask", "{\"text\": \"hi\", \"language\": \"fr\"}").statusCode());
        assertEquals(400, call("POST", "/api/v1/bot/ask", "{\"text\": \"hi\", \"contactId\": 999999}").statusCode());
        HttpResponse<String> hostile = call("POST", "/api/v1/bot/ask", "{\"text\": \"<script>alert(1)</script> AND ( * : \\\\\"}");
        assertEquals(hostile.body(), 200, hostile.statusCode());
    }
}

package org.rapport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.rapport.conversations.channel.ChannelAdapter;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.SendResult;

/**
 * The web chat channel in the running server, with the JDK's WebSocket client as the visitor: the
 * bot answers; replies sent while the visitor is away arrive after reconnect, in order, once; rate
 * and size limits; a foreign origin is refused; hostile markup stays text; the emailed code (read
 * from an {@code email} adapter registered by the test) verifies the visitor; the long-poll
 * fallback; and the bundle stopped and started while the server runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebChatIT extends SecurityTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EMAIL = "zhou.min@hz-tech.cn";
    private static Session admin;
    private static final List<OutboundMessage> MAILS = new CopyOnWriteArrayList<>();

    @Configuration
    public Option[] config() {
        return rapport(data -> {
            Files.writeString(data.resolve("config/org.rapport.security.cfg.json"),
                    "{\"initialAdminPassword\": \"" + RecordsRestTestBase.ADMIN_PASSWORD + "\"}");
            Files.writeString(data.resolve("config/org.rapport.channel.webchat.cfg.json"),
                    "{\"framesPerMinute\": 30, \"burst\": 8, \"maxMessageChars\": 500, \"maxAttachmentBytes\": 4096,"
                            + " \"offlineEmailAfterSeconds\": 0}");
        });
    }

    @Before
    public void setUp() throws Exception {
        if (admin != null) {
            return;
        }
        awaitSecurity();
        await("conversations REST", TIMEOUT, () -> get("/api/v1/conversations").statusCode() == 401);
        await("chat page", TIMEOUT, () -> get("/chat/").statusCode() == 200);
        admin = signIn("admin", RecordsRestTestBase.ADMIN_PASSWORD);
        HttpResponse<String> client = call("POST", "/api/v1/clients", "{\"name\": \"杭州云联科技有限公司\", \"contacts\": [{\"name\": \"周敏\", "
                + "\"emails\": [\"" + EMAIL + "\"], \"language\": \"zh\"}]}");
        assertEquals(client.body(), 201, client.statusCode());
        // the email channel, as a test adapter that keeps what it is given (the one-time codes)
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ChannelAdapter.CHANNEL, "email");
        props.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        context.registerService(ChannelAdapter.class, m -> {
            MAILS.add(m);
            return SendResult.sent("test-" + m.idempotencyKey());
        }, props);
    }

    private int port() {
        return Integer.parseInt(context.getProperty("rapport.http.port"));
    }

    private HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "RAPPORT_SESSION=" + admin.cookie()).header("X-CSRF-Token", admin.csrfToken())
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b.build());
    }

    private ChatClient visitor() throws Exception {
        return ChatClient.connect(port(), "http://localhost:" + port());
    }

    private static String message(String id, String text) {
        return "{\"type\":\"message\",\"id\":" + ChatClient.quote(id) + ",\"text\":" + ChatClient.quote(text) + "}";
    }

    private long conversationOf(String session) {
        for (JsonNode c : json(call("GET", "/api/v1/conversations?channel=webchat&status=open&size=200", null)).path("items")) {
            if (session.equals(c.path("address").asText())) {
                return c.path("id").asLong();
            }
        }
        for (JsonNode c : json(call("GET", "/api/v1/conversations?channel=webchat&status=waiting&size=200", null)).path("items")) {
            if (session.equals(c.path("address").asText())) {
                return c.path("id").asLong();
            }
        }
        throw new AssertionError("No conversation for chat session " + session);
    }

    @Test
    public void theBotAnswersAVisitorOverTheWebSocket() throws Exception {
        try (ChatClient v = visitor()) {
            JsonNode welcome = v.send("{\"type\":\"hello\",\"lang\":\"en\"}").next("welcome", WAIT);
            assertFalse(welcome.path("verified").asBoolean());
            assertTrue(welcome.path("token").asText().length() > 20);
            v.send(message("m1", "Hello"));
            assertEquals("m1", v.next("received", WAIT).path("id").asText());
            JsonNode answer = v.next("message", WAIT);
            assertEquals("bot", answer.path("from").asText());
            assertEquals(1, answer.path("seq").asLong());
            assertTrue(answer.path("text").asText(), answer.path("text").asText().contains("assistant"));
            v.send("{\"type\":\"ack\",\"seq\":1}").send("{\"type\":\"read\",\"seq\":1}");
            long conversation = conversationOf(welcome.path("session").asText());
            await("the read receipt on the bot's message", WAIT, () -> {
                for (JsonNode m : json(call("GET", "/api/v1/conversations/" + conversation + "/messages", null)).path("items")) {
                    if ("bot".equals(m.path("author").asText()) && "read".equals(m.path("status").asText())) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    public void staffRepliesWhileTheVisitorIsAwayArriveAfterReconnect_inOrder_once() throws Exception {
        String token;
        String session;
        long lastSeq;
        try (ChatClient v = visitor()) {
            JsonNode welcome = v.send("{\"type\":\"hello\"}").next("welcome", WAIT);
            token = welcome.path("token").asText();
            session = welcome.path("session").asText();
            v.send(message("p1", "转人工"));
            lastSeq = v.next("message", WAIT).path("seq").asLong(); // the bot says a person will answer
            v.send("{\"type\":\"ack\",\"seq\":" + lastSeq + "}");
        }
        long conversation = conversationOf(session);
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> r = call("POST", "/api/v1/conversations/" + conversation + "/reply", "{\"text\": \"第" + i + "条回复\"}");
            assertEquals(r.body(), 201, r.statusCode());
        }
        await("the replies reach the chat session", WAIT, () -> {
            int sent = 0;
            for (JsonNode m : json(call("GET", "/api/v1/conversations/" + conversation + "/messages", null)).path("items")) {
                sent += "staff".equals(m.path("author").asText()) && "sent".equals(m.path("status").asText()) ? 1 : 0;
            }
            return sent == 5;
        });
        List<String> texts = new ArrayList<>();
        long seq;
        try (ChatClient v = visitor()) {
            v.send("{\"type\":\"hello\",\"token\":\"" + token + "\",\"lastSeq\":" + lastSeq + "}");
            assertEquals(session, v.next("welcome", WAIT).path("session").asText());
            JsonNode joined = v.next("joined", WAIT);
            assertEquals(lastSeq + 1, joined.path("seq").asLong());
            seq = joined.path("seq").asLong();
            for (JsonNode f : v.drain(Duration.ofSeconds(2))) {
                if ("message".equals(f.path("type").asText())) {
                    assertEquals("in order, no gaps", seq + 1, f.path("seq").asLong());
                    assertEquals("staff", f.path("from").asText());
                    seq = f.path("seq").asLong();
                    texts.add(f.path("text").asText());
                }
            }
            assertEquals(List.of("第1条回复", "第2条回复", "第3条回复", "第4条回复", "第5条回复"), texts);
            v.send("{\"type\":\"ack\",\"seq\":" + seq + "}");
            Thread.sleep(300);
        }
        try (ChatClient v = visitor()) {
            v.send("{\"type\":\"hello\",\"token\":\"" + token + "\",\"lastSeq\":" + seq + "}").next("welcome", WAIT);
            for (JsonNode f : v.drain(Duration.ofSeconds(1))) {
                assertFalse("nothing is delivered twice: " + f, "message".equals(f.path("type").asText()));
            }
        }
    }

    @Test
    public void aFastSenderIsRateLimited_andLongMessagesAndOversizedFramesAreRefused() throws Exception {
        try (ChatClient v = visitor()) {
            v.send("{\"type\":\"hello\"}").next("welcome", WAIT);
            for (int i = 0; i < 12; i++) {
                v.send("{\"type\":\"typing\"}");
            }
            JsonNode limited = v.next("error", WAIT);
            assertEquals("rate_limited", limited.path("code").asText());
            assertTrue(limited.path("retryAfterMs").asLong() > 0);
        }
        try (ChatClient v = visitor()) {
            v.send("{\"type\":\"hello\"}").next("welcome", WAIT);
            v.send(message("long", "长".repeat(501)));
            JsonNode refused = v.next("error", WAIT);
            assertEquals("too_large", refused.path("code").asText());
            assertEquals("long", refused.path("id").asText());
            try {
                v.send(message("huge", "x".repeat(64 * 1024)));
            } catch (java.util.concurrent.CompletionException e) {
                // the server may close while the frame is still being written
            }
            assertTrue("a frame over the limit closes the connection", v.awaitClosed(WAIT));
            assertEquals(1009, v.closeCode);
        }
    }

    @Test
    public void aPageOfAForeignOriginCannotOpenTheChat() throws Exception {
        try {
            ChatClient.connect(port(), "https://evil.example").close();
            fail("the upgrade from a foreign origin was accepted");
        } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof java.net.http.WebSocketHandshakeException);
            assertEquals(403, ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        }
        HttpResponse<String> poll = send(HttpRequest.newBuilder(uri("/chat/poll")).header("Origin", "https://evil.example")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"frames\":[]}")).build());
        assertEquals(403, poll.statusCode());
    }

    @Test
    public void hostileMarkupIsStoredAndShownAsText() throws Exception {
        String hostile = "<script>alert('x')</script><img src=x onerror=\"alert(1)\">";
        try (ChatClient v = visitor()) {
            JsonNode welcome = v.send("{\"type\":\"hello\"}").next("welcome", WAIT);
            v.send(message("h1", hostile));
            v.next("received", WAIT);
            long conversation = conversationOf(welcome.path("session").asText());
            JsonNode first = json(call("GET", "/api/v1/conversations/" + conversation + "/messages", null)).path("items").path(0);
            assertEquals(hostile, first.path("text").asText());
            v.send("{\"type\":\"history\"}");
            assertEquals(hostile, v.next("history", WAIT).path("items").path(0).path("text").asText());
        }
    }

    @Test
    public void anEmailedCodeVerifiesTheVisitor_whoThenLearnsTheirAccountManager_andAStaffReplyWhileAwayComesByEmail()
            throws Exception {
        String session;
        try (ChatClient v = visitor()) {
            session = v.send("{\"type\":\"hello\",\"lang\":\"en\"}").next("welcome", WAIT).path("session").asText();
            v.send(message("q0", "Who is my account manager?"));
            String before = v.next("message", WAIT).path("text").asText();
            assertTrue(before, before.contains("verified client"));

            int mailsBefore = MAILS.size();
            v.send("{\"type\":\"claim\",\"email\":\"" + EMAIL + "\"}");
            v.next("code_sent", WAIT);
            await("the code email", WAIT, () -> MAILS.size() > mailsBefore);
            OutboundMessage mail = MAILS.get(MAILS.size() - 1);
            assertEquals(EMAIL, mail.to());
            Matcher m = Pattern.compile("(\\d{6})").matcher(mail.text());
            assertTrue(mail.text(), m.find());
            v.send("{\"type\":\"verify\",\"code\":\"" + (m.group(1).equals("000000") ? "111111" : "000000") + "\"}");
            assertEquals("code_wrong", v.next("error", WAIT).path("code").asText());
            v.send("{\"type\":\"verify\",\"code\":\"" + m.group(1) + "\"}");
            assertEquals("周敏", v.next("verified", WAIT).path("name").asText());

            v.send(message("q1", "Who is my account manager?"));
            String after = v.next("message", WAIT).path("text").asText();
            assertTrue(after, after.contains("account manager") && !after.contains("verified client"));
        }
        Thread.sleep(500); // the server sees the socket close
        long conversation = conversationOf(session);
        HttpResponse<String> reply = call("POST", "/api/v1/conversations/" + conversation + "/reply",
                "{\"text\": \"Your account manager will call you this afternoon.\"}");
        assertEquals(reply.body(), 201, reply.statusCode());
        await("the staff reply continues by email", WAIT, () -> MAILS.stream()
                .anyMatch(m -> EMAIL.equals(m.to()) && m.text().contains("call you this afternoon")));
        int before = MAILS.size();
        try (ChatClient v = visitor()) {
            v.send("{\"type\":\"hello\"}").next("welcome", WAIT);
            v.send("{\"type\":\"claim\",\"email\":\"not.a.client@example.com\"}");
            v.next("code_sent", WAIT); // the same answer: the chat does not tell who is a client
        }
        Thread.sleep(1000);
        assertEquals(before, MAILS.size());
    }

    @Test
    public void theLongPollFallbackSpeaksTheSameProtocol() throws Exception {
        JsonNode hello = poll("{\"frames\":[{\"type\":\"hello\",\"lang\":\"en\"}]}");
        String token = hello.path("frames").path(0).path("token").asText();
        assertEquals("welcome", hello.path("frames").path(0).path("type").asText());
        JsonNode sent = poll("{\"token\":\"" + token + "\",\"frames\":[" + message("lp1", "Hello") + "]}");
        boolean received = false;
        JsonNode answer = null;
        for (JsonNode f : sent.path("frames")) {
            received |= "received".equals(f.path("type").asText());
            if ("message".equals(f.path("type").asText())) {
                answer = f; // the bot may answer before the post returns
            }
        }
        assertTrue(sent.toString(), received);
        for (int i = 0; i < 5 && answer == null; i++) {
            // a poll waits up to 25 s for frames, so the client waits longer than that
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/chat/poll?token=" + token))
                    .timeout(Duration.ofSeconds(40)).GET().build());
            assertEquals(r.body(), 200, r.statusCode());
            for (JsonNode f : json(r).path("frames")) {
                if ("message".equals(f.path("type").asText())) {
                    answer = f;
                }
            }
        }
        assertNotNull("the bot's answer by long-poll", answer);
        assertEquals("bot", answer.path("from").asText());
        assertEquals(409, get("/chat/poll?token=unknown").statusCode());
        HttpResponse<String> bad = send(HttpRequest.newBuilder(uri("/chat/poll")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"frames\": 5}")).build());
        assertEquals(400, bad.statusCode());
    }

    private JsonNode poll(String body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/chat/poll")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(r.body(), 200, r.statusCode());
        return json(r);
    }

    @Test
    public void theWidgetAndTheDemoPageAreServed() {
        HttpResponse<String> page = get("/chat/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(page.body().contains("widget.js"));
        HttpResponse<String> js = get("/chat/widget.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(404, get("/chat/nothing.js").statusCode());
    }

    @Test
    public void theBundleCanBeStoppedAndStartedWhileTheServerRuns_andVisitorsResume() throws Exception {
        Bundle bundle = null;
        for (Bundle b : context.getBundles()) {
            if ("org.rapport.channel.webchat".equals(b.getSymbolicName())) {
                bundle = b;
            }
        }
        assertNotNull(bundle);
        String token;
        String session;
        ChatClient v = visitor();
        JsonNode welcome = v.send("{\"type\":\"hello\"}").next("welcome", WAIT);
        token = welcome.path("token").asText();
        session = welcome.path("session").asText();
        v.send(message("s1", "人工"));
        long seq = v.next("message", WAIT).path("seq").asLong();
        v.send("{\"type\":\"ack\",\"seq\":" + seq + "}");
        Thread.sleep(300);
        long conversation = conversationOf(session);

        bundle.stop();
        assertTrue("open chats are closed when the bundle stops", v.awaitClosed(WAIT));
        assertEquals(1001, v.closeCode);
        await("the chat endpoints are gone", WAIT, () -> get("/chat/").statusCode() == 404);
        assertEquals("the rest keeps working", 200, call("GET", "/api/v1/conversations/" + conversation, null).statusCode());
        HttpResponse<String> reply = call("POST", "/api/v1/conversations/" + conversation + "/reply", "{\"text\": \"稍等，我来查一下\"}");
        assertEquals(reply.body(), 201, reply.statusCode());
        Thread.sleep(1000);
        JsonNode counts = json(call("GET", "/api/v1/outbox", null)).path("counts");
        assertTrue("the reply waits in the outbox: " + counts, counts.path("pending").asLong() + counts.path("deferred").asLong() >= 1);

        bundle.start();
        await("the chat is back", WAIT, () -> get("/chat/").statusCode() == 200);
        try (ChatClient back = visitor()) {
            back.send("{\"type\":\"hello\",\"token\":\"" + token + "\",\"lastSeq\":" + seq + "}");
            assertEquals("the session survived", session, back.next("welcome", WAIT).path("session").asText());
            back.next("joined", WAIT);
            assertEquals("稍等，我来查一下", back.next("message", WAIT).path("text").asText());
        }
    }
}

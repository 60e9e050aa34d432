package org.rapport.channel.webchat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.conversations.channel.DeliveryReport;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.SendResult;
import org.rapport.testing.MutableClock;

class ChatEngineTest {

    @TempDir
    Path dir;

    private final FakePeers peers = new FakePeers();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    private Settings settings = Settings.defaults();
    private SessionStore store;
    private ChatEngine engine;

    @BeforeEach
    void setUp() {
        store = new SessionStore(dir.resolve("sessions.json"));
        engine = new ChatEngine(peers, store, () -> settings, clock, dir);
    }

    private record Visitor(RecordingConnection connection, ChatEngine.Line line) {}

    private Visitor connect(String hello) {
        RecordingConnection c = new RecordingConnection();
        ChatEngine.Line line = engine.open(c);
        engine.onFrame(line, hello);
        return new Visitor(c, line);
    }

    private static OutboundMessage out(String to, long messageId, String key, String text, Long contactId) {
        return new OutboundMessage(messageId, key, 7, contactId, "webchat", "", to, null, null, text, null, "en", "service", null, List.of(),
                Map.of());
    }

    @Test
    void aNewVisitorGetsASessionAndAToken_andTheSameTokenResumesIt() {
        Visitor v = connect("{\"type\":\"hello\",\"lang\":\"zh\"}");
        JsonNode welcome = v.connection().last();
        assertThat(welcome.path("type").asText()).isEqualTo("welcome");
        assertThat(welcome.path("token").asText()).hasSizeGreaterThan(20);
        assertThat(welcome.path("verified").asBoolean()).isFalse();
        engine.closed(v.line());

        Visitor again = connect("{\"type\":\"hello\",\"token\":\"" + welcome.path("token").asText() + "\"}");
        JsonNode resumed = again.connection().last();
        assertThat(resumed.path("session").asText()).isEqualTo(welcome.path("session").asText());
        assertThat(resumed.has("token")).as("the token is only given once").isFalse();
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void messagesSentWhileDisconnectedArriveAfterReconnect_inOrder_once() {
        Visitor v = connect("{\"type\":\"hello\"}");
        String token = v.connection().last().path("token").asText();
        String session = v.connection().last().path("session").asText();
        assertThat(engine.deliver(out(session, 1, "bot:1", "first", null)).status()).isEqualTo(SendResult.Status.SENT);
        JsonNode first = v.connection().last();
        assertThat(first.path("seq").asLong()).isEqualTo(1);
        engine.onFrame(v.line(), "{\"type\":\"ack\",\"seq\":1}");
        assertThat(peers.reports).extracting(DeliveryReport::status).containsExactly(DeliveryReport.Status.DELIVERED);
        engine.onFrame(v.line(), "{\"type\":\"read\",\"seq\":1}");
        engine.onFrame(v.line(), "{\"type\":\"read\",\"seq\":1}");
        assertThat(peers.reports).extracting(DeliveryReport::status).as("read once, after delivered")
                .containsExactly(DeliveryReport.Status.DELIVERED, DeliveryReport.Status.READ);
        assertThat(peers.reports.get(1).idempotencyKey()).isEqualTo("bot:1");
        engine.closed(v.line());

        for (int i = 2; i <= 5; i++) {
            engine.deliver(out(session, i, "bot:" + i, "m" + i, null));
        }
        engine.deliver(out(session, 3, "bot:3", "m3", null)); // the dispatcher hands one over again: not shown twice

        Visitor back = connect("{\"type\":\"hello\",\"token\":\"" + token + "\",\"lastSeq\":1}");
        List<JsonNode> replayed = back.connection().ofType("message");
        assertThat(replayed).extracting(f -> f.path("text").asText()).containsExactly("m2", "m3", "m4", "m5");
        assertThat(replayed).extracting(f -> f.path("seq").asLong()).containsExactly(2L, 3L, 4L, 5L);

        // the page reloads after seeing 2 and 3 but before acknowledging: only 4 and 5 come again
        engine.closed(back.line());
        Visitor reload = connect("{\"type\":\"hello\",\"token\":\"" + token + "\",\"lastSeq\":3}");
        assertThat(reload.connection().ofType("message")).extracting(f -> f.path("text").asText()).containsExactly("m4", "m5");
    }

    @Test
    void aVisitorsMessageGoesToTheCore_once_andTheBotIsShownTyping() {
        Visitor v = connect("{\"type\":\"hello\"}");
        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"a1\",\"text\":\" What are your opening hours? \"}");
        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"a1\",\"text\":\"What are your opening hours?\"}");
        assertThat(peers.received).hasSize(1);
        assertThat(peers.received.get(0).text()).isEqualTo("What are your opening hours?");
        assertThat(peers.received.get(0).channel()).isEqualTo("webchat");
        assertThat(peers.received.get(0).verifiedContactId()).isNull();
        assertThat(v.connection().ofType("typing")).isNotEmpty();
        List<JsonNode> acks = v.connection().ofType("received");
        assertThat(acks).hasSize(2);
        assertThat(acks.get(1).path("duplicate").asBoolean()).isTrue();
    }

    @Test
    void hostileMarkupIsKeptAsTextAndFlagged() {
        Visitor v = connect("{\"type\":\"hello\"}");
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"x\",\"text\":\"" + hostile.replace("\"", "\\\"") + "\"}");
        assertThat(peers.received.get(0).text()).isEqualTo(hostile);
        assertThat(peers.received.get(0).flags()).containsKey("markup");
    }

    @Test
    void tooLongEmptyAndMalformedFramesAreRefusedWithAReason() {
        settings = new Settings(Set.of(), 10, 60, 10, Duration.ofMinutes(5), Duration.ofDays(1), 100, Set.of("text/plain"),
                Duration.ofMinutes(10), 5, 5, "", Duration.ofMinutes(1));
        Visitor v = connect("{\"type\":\"hello\"}");
        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"a\",\"text\":\"" + "x".repeat(11) + "\"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("too_large");
        assertThat(v.connection().last().path("id").asText()).isEqualTo("a");
        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"b\",\"text\":\"   \"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("empty");
        engine.onFrame(v.line(), "not json");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("bad_frame");
        engine.onFrame(v.line(), "{\"type\":\"message\",\"text\":\"no id\"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("bad_frame");
        engine.onFrame(v.line(), "{\"type\":\"launch\"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("unknown_type");
        engine.onFrame(v.line(), "{\"type\":\"attach\",\"id\":\"f\",\"name\":\"a.exe\",\"contentType\":\"application/x-msdownload\",\"data\":\"AAAA\"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("attachment_type");
        engine.onFrame(v.line(), "{\"type\":\"attach\",\"id\":\"g\",\"name\":\"big.txt\",\"contentType\":\"text/plain\",\"data\":\""
                + java.util.Base64.getEncoder().encodeToString(new byte[101]) + "\"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("attachment_size");
        assertThat(peers.received).isEmpty();
    }

    @Test
    void anAttachmentWithinTheLimitsIsKeptAndHandedOver() {
        Visitor v = connect("{\"type\":\"hello\"}");
        engine.onFrame(v.line(), "{\"type\":\"attach\",\"id\":\"f\",\"name\":\"../../etc/passwd.txt\",\"contentType\":\"text/plain\",\"data\":\""
                + java.util.Base64.getEncoder().encodeToString("order 42".getBytes()) + "\"}");
        assertThat(peers.received).hasSize(1);
        var a = peers.received.get(0).attachments().get(0);
        assertThat(a.size()).isEqualTo(8);
        assertThat(a.location()).doesNotContain("..").startsWith("webchat/attachments/");
        assertThat(dir.resolve(a.location())).hasContent("order 42");
    }

    @Test
    void aConnectionOverItsRateIsToldToWait() {
        settings = new Settings(Set.of(), 2000, 6, 3, Duration.ofMinutes(5), Duration.ofDays(1), 100, Set.of(), Duration.ofMinutes(10), 5,
                5, "", Duration.ofMinutes(1));
        Visitor v = connect("{\"type\":\"hello\"}"); // hello takes a token: 2 left
        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"1\",\"text\":\"a\"}");
        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"2\",\"text\":\"b\"}");
        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"3\",\"text\":\"c\"}");
        JsonNode refused = v.connection().last();
        assertThat(refused.path("code").asText()).isEqualTo("rate_limited");
        assertThat(refused.path("id").asText()).isEqualTo("3");
        assertThat(refused.path("retryAfterMs").asLong()).isPositive();
        assertThat(peers.received).hasSize(2);
        engine.onFrame(v.line(), "{\"type\":\"ack\",\"seq\":0}"); // acknowledgements are never limited
        assertThat(v.connection().last().path("code").asText()).isEqualTo("rate_limited");
    }

    @Test
    void anEmailedCodeBindsTheSessionToTheContact_andLaterMessagesAreVerified() {
        peers.contact(42, "李娜", "li.na@hd-jm.cn", "zh");
        Visitor v = connect("{\"type\":\"hello\"}");
        engine.onFrame(v.line(), "{\"type\":\"claim\",\"email\":\"li.na@hd-jm.cn\"}");
        assertThat(v.connection().last().path("type").asText()).isEqualTo("code_sent");
        assertThat(peers.sent).hasSize(1);
        var mail = peers.sent.get(0);
        assertThat(mail.channel()).isEqualTo("email");
        assertThat(mail.contactId()).isEqualTo(42);
        assertThat(mail.replyToClient()).isTrue();
        assertThat(mail.purpose()).isEqualTo("service");
        Matcher m = Pattern.compile("(\\d{6})").matcher(mail.text());
        assertThat(m.find()).isTrue();
        String code = m.group(1);
        String wrong = code.equals("000000") ? "111111" : "000000";

        engine.onFrame(v.line(), "{\"type\":\"verify\",\"code\":\"" + wrong + "\"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("code_wrong");
        assertThat(v.connection().last().path("attemptsLeft").asInt()).isEqualTo(4);
        engine.onFrame(v.line(), "{\"type\":\"verify\",\"code\":\"" + code + "\"}");
        assertThat(v.connection().last().path("type").asText()).isEqualTo("verified");
        assertThat(v.connection().last().path("name").asText()).isEqualTo("李娜");

        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"q\",\"text\":\"我的客户经理是谁？\"}");
        assertThat(peers.received.get(0).verifiedContactId()).isEqualTo(42);
        engine.onFrame(v.line(), "{\"type\":\"verify\",\"code\":\"" + code + "\"}");
        assertThat(v.connection().last().path("code").asText()).as("a code works once").isEqualTo("no_code");
    }

    @Test
    void codesExpire_wrongTriesAreLimited_andUnknownAddressesGetTheSameAnswer() {
        settings = new Settings(Set.of(), 2000, 600, 100, Duration.ofMinutes(5), Duration.ofDays(1), 100, Set.of(), Duration.ofMinutes(10),
                5, 5, "", Duration.ofMinutes(1));
        peers.contact(42, "Li Na", "li.na@hd-jm.cn", "en");
        Visitor v = connect("{\"type\":\"hello\"}");
        engine.onFrame(v.line(), "{\"type\":\"claim\",\"email\":\"nobody@example.com\"}");
        assertThat(v.connection().last().path("type").asText()).isEqualTo("code_sent");
        assertThat(peers.sent).isEmpty();

        engine.onFrame(v.line(), "{\"type\":\"claim\",\"email\":\"li.na@hd-jm.cn\"}");
        String code = code(peers.sent.get(0).text());
        clock.advance(Duration.ofMinutes(11));
        engine.onFrame(v.line(), "{\"type\":\"verify\",\"code\":\"" + code + "\"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("code_expired");

        engine.onFrame(v.line(), "{\"type\":\"claim\",\"email\":\"li.na@hd-jm.cn\"}");
        String second = code(peers.sent.get(1).text());
        String wrong = second.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            engine.onFrame(v.line(), "{\"type\":\"verify\",\"code\":\"" + wrong + "\"}");
        }
        engine.onFrame(v.line(), "{\"type\":\"verify\",\"code\":\"" + second + "\"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("code_exhausted");

        for (int i = 0; i < 5; i++) {
            engine.onFrame(v.line(), "{\"type\":\"claim\",\"email\":\"li.na@hd-jm.cn\"}");
        }
        assertThat(v.connection().last().path("code").asText()).isEqualTo("too_many_codes");
    }

    private static String code(String text) {
        Matcher m = Pattern.compile("(\\d{6})").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void aHostSignedTokenVerifiesTheVisitor_aForgedOneDoesNot() {
        settings = new Settings(Set.of(), 2000, 60, 10, Duration.ofMinutes(5), Duration.ofDays(1), 100, Set.of(), Duration.ofMinutes(10), 5,
                5, "s3cret-shared-with-the-host", Duration.ofMinutes(1));
        peers.contact(42, "Li Na", "li.na@hd-jm.cn", "en");
        Visitor v = connect("{\"type\":\"hello\"}");
        long exp = clock.instant().getEpochSecond() + 300;
        String forged = HostToken.issue("{\"email\":\"li.na@hd-jm.cn\",\"exp\":" + exp + "}", "guessed");
        engine.onFrame(v.line(), "{\"type\":\"auth\",\"token\":\"" + forged + "\"}");
        assertThat(v.connection().last().path("code").asText()).isEqualTo("token_refused");
        String good = HostToken.issue("{\"email\":\"li.na@hd-jm.cn\",\"exp\":" + exp + "}", "s3cret-shared-with-the-host");
        engine.onFrame(v.line(), "{\"type\":\"auth\",\"token\":\"" + good + "\"}");
        assertThat(v.connection().last().path("type").asText()).isEqualTo("verified");
    }

    @Test
    void aStaffReplyAnnouncesThePerson_andContinuesByEmailWhenTheVerifiedVisitorIsAway() {
        peers.contact(42, "Li Na", "li.na@hd-jm.cn", "en");
        Visitor v = connect("{\"type\":\"hello\"}");
        String session = v.connection().last().path("session").asText();
        engine.onFrame(v.line(), "{\"type\":\"claim\",\"email\":\"li.na@hd-jm.cn\"}");
        engine.onFrame(v.line(), "{\"type\":\"verify\",\"code\":\"" + code(peers.sent.get(0).text()) + "\"}");
        peers.authors.put(11L, new ChatPeers.Author("staff", "Wang Fang"));
        engine.deliver(out(session, 11, "staff:7:a", "Hello, this is Wang Fang.", 42L));
        List<JsonNode> frames = v.connection().frames;
        JsonNode joined = frames.get(frames.size() - 2);
        assertThat(joined.path("type").asText()).isEqualTo("joined");
        assertThat(joined.path("name").asText()).isEqualTo("Wang Fang");
        assertThat(v.connection().last().path("from").asText()).isEqualTo("staff");
        assertThat(peers.sent).hasSize(1); // online: no email

        engine.closed(v.line());
        clock.advance(Duration.ofMinutes(2));
        peers.authors.put(12L, new ChatPeers.Author("staff", "Wang Fang"));
        assertThat(engine.deliver(out(session, 12, "staff:7:b", "Your order ships today.", 42L)).status()).isEqualTo(SendResult.Status.SENT);
        assertThat(peers.sent).hasSize(2);
        assertThat(peers.sent.get(1).channel()).isEqualTo("email");
        assertThat(peers.sent.get(1).text()).contains("Your order ships today.");
        assertThat(peers.sent.get(1).key()).isEqualTo("webchat:email:staff:7:b");
        // and it is still waiting in the chat for when the visitor comes back
        assertThat(store.byId(session).unacked).extracting(ChatSession.Event::text).contains("Your order ships today.");
    }

    @Test
    void aReplyWaitsForAnEarlierOneStillOnItsWay_thenGoesOutInOrder() {
        Visitor v = connect("{\"type\":\"hello\"}");
        String session = v.connection().last().path("session").asText();
        peers.authors.put(21L, new ChatPeers.Author("staff", "Wang Fang", true)); // reply 20 is still being sent
        SendResult r = engine.deliver(out(session, 21, "staff:7:second", "second", null));
        assertThat(r.status()).isEqualTo(SendResult.Status.RETRY);
        assertThat(r.retryAfter()).isPositive();
        assertThat(v.connection().ofType("message")).isEmpty();
        peers.authors.put(20L, new ChatPeers.Author("staff", "Wang Fang"));
        engine.deliver(out(session, 20, "staff:7:first", "first", null));
        peers.authors.put(21L, new ChatPeers.Author("staff", "Wang Fang", false));
        engine.deliver(out(session, 21, "staff:7:second", "second", null));
        assertThat(v.connection().ofType("message")).extracting(f -> f.path("text").asText()).containsExactly("first", "second");
    }

    @Test
    void aReplyForAnExpiredSessionFailsUnlessTheContactIsKnown() {
        assertThat(engine.deliver(out("wc-gone", 1, "bot:1", "hi", null)).status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(engine.deliver(out("wc-gone", 2, "staff:1:x", "hi", 42L)).status()).isEqualTo(SendResult.Status.SENT);
        assertThat(peers.sent).extracting(o -> o.channel()).containsExactly("email");
    }

    @Test
    void sessionsAndUnacknowledgedEventsSurviveARestartOfTheBundle() throws Exception {
        Visitor v = connect("{\"type\":\"hello\"}");
        String token = v.connection().last().path("token").asText();
        String session = v.connection().last().path("session").asText();
        engine.closed(v.line());
        engine.deliver(out(session, 1, "bot:1", "kept", null));
        store.saveIfChanged();

        SessionStore reloaded = new SessionStore(dir.resolve("sessions.json"));
        reloaded.load();
        ChatEngine after = new ChatEngine(peers, reloaded, () -> settings, clock, dir);
        RecordingConnection c = new RecordingConnection();
        ChatEngine.Line line = after.open(c);
        after.onFrame(line, "{\"type\":\"hello\",\"token\":\"" + token + "\"}");
        assertThat(c.ofType("welcome").get(0).path("session").asText()).isEqualTo(session);
        assertThat(c.ofType("message")).extracting(f -> f.path("text").asText()).containsExactly("kept");
        after.deliver(out(session, 1, "bot:1", "kept", null));
        assertThat(c.ofType("message")).as("the key is remembered across the restart").hasSize(1);
        assertThat(java.nio.file.Files.readString(dir.resolve("sessions.json"))).doesNotContain(token);
    }

    @Test
    void historyIsTheTranscriptAsText() {
        Visitor v = connect("{\"type\":\"hello\"}");
        engine.onFrame(v.line(), "{\"type\":\"history\"}");
        assertThat(v.connection().last().path("items")).isEmpty(); // no conversation yet
        engine.onFrame(v.line(), "{\"type\":\"message\",\"id\":\"1\",\"text\":\"hi\"}");
        engine.onFrame(v.line(), "{\"type\":\"history\"}");
        JsonNode items = v.connection().last().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(1).path("text").asText()).isEqualTo("<b>hello</b>");
    }

    @Test
    void framesBeforeHelloAreRefused() {
        RecordingConnection c = new RecordingConnection();
        ChatEngine.Line line = engine.open(c);
        engine.onFrame(line, "{\"type\":\"message\",\"id\":\"1\",\"text\":\"hi\"}");
        assertThat(c.last().path("code").asText()).isEqualTo("no_session");
        assertThat(peers.received).isEmpty();
    }
}

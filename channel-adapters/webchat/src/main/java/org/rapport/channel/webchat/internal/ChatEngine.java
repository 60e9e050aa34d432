package org.rapport.channel.webchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.channel.Attachment;
import org.rapport.conversations.channel.DeliveryReport;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.Received;
import org.rapport.conversations.channel.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat protocol's server side, independent of the transport: it takes the frames a
 * connection sends (hello, message, ack, read, typing, history, claim, verify, auth, attach,
 * ping), hands the visitor's messages to the conversations core, and delivers what the core sends
 * to the visitor's connections in order, keeping each event until the visitor acknowledges it.
 */
final class ChatEngine {

    static final String CHANNEL = "webchat";
    static final String SENDER = "org.rapport.channel.webchat";
    private static final Logger LOG = LoggerFactory.getLogger(ChatEngine.class);
    /** How long a reply waits for an earlier one of its conversation before it is handed back to the outbox. */
    private static final java.time.Duration ORDER_WAIT = java.time.Duration.ofSeconds(1);
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!]|\\bon[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAFE_NAME = Pattern.compile("[^\\p{L}\\p{N}._-]");

    private final ChatPeers peers;
    private final SessionStore sessions;
    private final Supplier<Settings> settings;
    private final Clock clock;
    private final Path dataDir;
    private final Path attachments;
    private final Verification verification;

    /** One connection's state: its session once it said hello, and its rate. */
    static final class Line {
        final Connection connection;
        final RateLimiter limiter;
        volatile ChatSession session;

        Line(Connection connection, RateLimiter limiter) {
            this.connection = connection;
            this.limiter = limiter;
        }
    }

    /**
     * @param dataDir the data directory: files sent in a chat go to {@code webchat/attachments/<session>/} under it,
     *        and an attachment's location is its path relative to it
     */
    ChatEngine(ChatPeers peers, SessionStore sessions, Supplier<Settings> settings, Clock clock, Path dataDir) {
        this.peers = peers;
        this.sessions = sessions;
        this.settings = settings;
        this.clock = clock;
        this.dataDir = dataDir;
        this.attachments = dataDir.resolve("webchat").resolve("attachments");
        this.verification = new Verification(peers, sessions, settings, clock);
    }

    SessionStore sessions() {
        return sessions;
    }

    Line open(Connection connection) {
        Settings s = settings.get();
        return new Line(connection, new RateLimiter(s.framesPerMinute(), s.burst(), System.nanoTime()));
    }

    void closed(Line line) {
        ChatSession s = line.session;
        if (s != null) {
            synchronized (s) {
                s.connections.remove(line.connection);
                s.lastSeen = clock.instant();
                if (s.connections.isEmpty()) {
                    s.offlineSince = s.lastSeen;
                }
            }
            sessions.changed();
        }
    }

    /** Handles one frame a connection sent. */
    void onFrame(Line line, String text) {
        Optional<JsonNode> parsed = Frames.parse(text);
        if (parsed.isEmpty()) {
            line.connection.send(Frames.error("bad_frame", "A frame is a JSON object with a \"type\""));
            return;
        }
        JsonNode frame = parsed.get();
        String type = frame.path("type").asText();
        if (!"ack".equals(type) && !"ping".equals(type) && !line.limiter.tryAcquire(System.nanoTime())) {
            ObjectNode e = Frames.of("error").put("code", "rate_limited").put("message", "Too many messages; wait a moment")
                    .put("retryAfterMs", line.limiter.retryAfterMillis());
            copyId(frame, e);
            line.connection.send(Frames.text(e));
            return;
        }
        if (!"hello".equals(type) && line.session == null) {
            line.connection.send(Frames.error("no_session", "Say hello first"));
            return;
        }
        ChatSession session = line.session;
        if (session != null) {
            synchronized (session) {
                session.lastSeen = clock.instant();
            }
        }
        try {
            switch (type) {
                case "hello" -> hello(line, frame);
                case "message" -> message(line, frame);
                case "attach" -> attach(line, frame);
                case "ack" -> ack(session, frame.path("seq").asLong(-1));
                case "read" -> read(session, frame.path("seq").asLong(-1));
                case "typing" -> { } // noted as activity; staff see the message when it comes
                case "history" -> history(line);
                case "claim" -> verification.claim(line, frame);
                case "verify" -> verification.verify(line, frame);
                case "auth" -> verification.auth(line, frame);
                case "ping" -> line.connection.send(Frames.text(Frames.of("pong")));
                default -> line.connection.send(Frames.error("unknown_type", "Unknown frame type"));
            }
        } catch (IllegalArgumentException e) {
            ObjectNode err = Frames.of("error").put("code", "refused").put("message", e.getMessage());
            copyId(frame, err);
            line.connection.send(Frames.text(err));
        }
    }

    private static void copyId(JsonNode frame, ObjectNode into) {
        String id = Frames.string(frame, "id", 100);
        if (id != null) {
            into.put("id", id);
        }
    }

    // --- hello and resume ---

    private void hello(Line line, JsonNode frame) {
        Instant now = clock.instant();
        String token = Frames.string(frame, "token", 200);
        ChatSession session = sessions.byToken(token);
        String newToken = null;
        if (session == null) {
            SessionStore.Created created = sessions.create(now);
            session = created.session();
            newToken = created.token();
        }
        String lang = Frames.string(frame, "lang", 5);
        long lastSeq = frame.path("lastSeq").asLong(0);
        ChatSession previous = line.session;
        if (previous != null && previous != session) {
            synchronized (previous) {
                previous.connections.remove(line.connection);
            }
        }
        line.session = session;
        synchronized (session) {
            if (lang != null && (lang.equals("zh") || lang.equals("en"))) {
                session.language = lang;
            }
            List<ChatSession.Event> done = session.ack(lastSeq);
            ObjectNode welcome = Frames.of("welcome").put("session", session.id).put("verified", session.verified())
                    .put("lastSeq", session.lastSeq);
            if (newToken != null) {
                welcome.put("token", newToken);
            }
            if (session.contactName != null && session.verified()) {
                welcome.put("name", session.contactName);
            }
            line.connection.send(Frames.text(welcome));
            for (ChatSession.Event e : session.unacked) {
                line.connection.send(Frames.event(e));
            }
            session.connections.add(line.connection);
            session.lastSeen = now;
            report(done, DeliveryReport.Status.DELIVERED);
        }
        sessions.changed();
    }

    // --- the visitor's messages ---

    private void message(Line line, JsonNode frame) {
        String id = Frames.string(frame, "id", 100);
        JsonNode textNode = frame.get("text");
        if (id == null || id.isBlank() || textNode == null || !textNode.isTextual()) {
            line.connection.send(Frames.error("bad_frame", "A message has a text \"id\" (up to 100 characters) and a \"text\""));
            return;
        }
        String text = textNode.asText().strip();
        if (text.isEmpty()) {
            reply(line, Frames.of("error").put("code", "empty").put("message", "The message is empty").put("id", id));
            return;
        }
        if (text.length() > settings.get().maxMessageChars()) {
            reply(line, Frames.of("error").put("code", "too_large").put("id", id)
                    .put("message", "A message may have up to " + settings.get().maxMessageChars() + " characters"));
            return;
        }
        hand(line, id, text, List.of());
    }

    private void hand(Line line, String id, String text, List<Attachment> files) {
        ChatSession s = line.session;
        Long conversation;
        Long contact;
        String name;
        synchronized (s) {
            conversation = s.conversationId;
            contact = s.contactId;
            name = s.contactName;
        }
        boolean staffOn;
        synchronized (s) {
            staffOn = s.staffJoined;
        }
        if (!staffOn) {
            line.connection.send(Frames.text(Frames.of("typing").put("from", "bot")));
        }
        Map<String, String> flags = MARKUP.matcher(text).find() ? Map.of("markup", "shown as text") : Map.of();
        Received r = peers.receive(new InboundMessage(CHANNEL, "", s.id + ":" + id, s.id, name, null, text, clock.instant(), List.of(),
                conversation, contact, files, flags));
        synchronized (s) {
            s.conversationId = r.conversationId();
        }
        sessions.changed();
        reply(line, Frames.of("received").put("id", id).put("messageId", r.messageId()).put("duplicate", r.duplicate()));
    }

    private void attach(Line line, JsonNode frame) {
        Settings cfg = settings.get();
        String id = Frames.string(frame, "id", 100);
        String name = Frames.string(frame, "name", 200);
        String type = Frames.string(frame, "contentType", 100);
        String data = Frames.string(frame, "data", cfg.maxAttachmentBytes() / 3 * 4 + 8);
        if (id == null || name == null || type == null) {
            line.connection.send(Frames.error("bad_frame", "An attachment has an \"id\", a \"name\", a \"contentType\" and \"data\" (base64)"));
            return;
        }
        if (!cfg.attachmentTypes().contains(type.toLowerCase(Locale.ROOT))) {
            reply(line, Frames.of("error").put("code", "attachment_type").put("id", id).put("message", "Files of this type are not accepted"));
            return;
        }
        byte[] bytes;
        try {
            bytes = data == null ? null : Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length > cfg.maxAttachmentBytes()) {
            reply(line, Frames.of("error").put("code", "attachment_size").put("id", id)
                    .put("message", "A file may have up to " + cfg.maxAttachmentBytes() + " bytes"));
            return;
        }
        String safe = SAFE_NAME.matcher(name).replaceAll("_").replaceAll("\\.{2,}", ".");
        Path dir = attachments.resolve(line.session.id);
        Path target = dir.resolve(UUID.randomUUID() + "-" + (safe.length() > 80 ? safe.substring(safe.length() - 80) : safe));
        try {
            Files.createDirectories(dir);
            Files.write(target, bytes);
        } catch (IOException e) {
            LOG.warn("Could not keep a chat attachment: {}", e.toString());
            reply(line, Frames.of("error").put("code", "attachment_failed").put("id", id).put("message", "The file could not be kept"));
            return;
        }
        String text = frame.path("text").isTextual() ? frame.path("text").asText().strip() : "";
        if (text.length() > cfg.maxMessageChars()) {
            text = text.substring(0, cfg.maxMessageChars());
        }
        hand(line, id, text.isEmpty() ? "[" + name + "]" : text, List.of(new Attachment(name, type, bytes.length,
                dataDir.relativize(target).toString().replace('\\', '/'), null)));
    }

    private static void reply(Line line, ObjectNode frame) {
        line.connection.send(Frames.text(frame));
    }

    // --- acknowledgements and read state ---

    private void ack(ChatSession s, long seq) {
        List<ChatSession.Event> done;
        synchronized (s) {
            done = s.ack(seq);
        }
        if (!done.isEmpty()) {
            sessions.changed();
            report(done, DeliveryReport.Status.DELIVERED);
        }
    }

    private void read(ChatSession s, long seq) {
        List<ChatSession.Event> read;
        synchronized (s) {
            if (seq <= s.lastRead || seq > s.lastSeq) {
                return;
            }
            read = s.read(seq);
        }
        sessions.changed();
        report(read, DeliveryReport.Status.READ);
    }

    private void report(List<ChatSession.Event> events, DeliveryReport.Status status) {
        for (ChatSession.Event e : events) {
            if (e.key() != null && "message".equals(e.type())) {
                try {
                    peers.delivery(new DeliveryReport(CHANNEL, e.key(), null, status, null, clock.instant()));
                } catch (RuntimeException ex) {
                    LOG.warn("Could not record a chat delivery report: {}", ex.toString());
                }
            }
        }
    }

    private void history(Line line) {
        ChatSession s = line.session;
        Long conversation;
        synchronized (s) {
            conversation = s.conversationId;
        }
        ArrayNode items = Frames.JSON.createArrayNode();
        if (conversation != null) {
            for (ChatPeers.Line l : peers.transcript(conversation)) {
                ObjectNode n = items.addObject().put("id", l.id()).put("from", l.from()).put("text", l.text()).put("at", l.at());
                if (l.name() != null) {
                    n.put("name", l.name());
                }
            }
        }
        ObjectNode frame = Frames.of("history");
        frame.set("items", items);
        line.connection.send(Frames.text(frame));
    }

    // --- what the server sends ---

    /** The adapter's send: queues the message for the visitor's session and pushes it to its connections. */
    SendResult deliver(OutboundMessage m) {
        ChatSession s = sessions.byId(m.to());
        if (s == null) {
            return m.contactId() == null ? SendResult.failed("The chat session " + m.to() + " has expired")
                    : byEmail(m, m.contactId(), "session-expired");
        }
        ChatPeers.Author author = peers.author(m.conversationId(), m.messageId()).orElse(new ChatPeers.Author("bot", null));
        // the outbox sends with several threads: a later reply must not overtake an earlier one still on its way
        long waitUntil = System.nanoTime() + ORDER_WAIT.toNanos();
        while (author.earlierUnsent()) {
            if (System.nanoTime() > waitUntil) {
                return SendResult.retry("An earlier message of this conversation is still on its way", ORDER_WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SendResult.retry("Interrupted", null);
            }
            author = peers.author(m.conversationId(), m.messageId()).orElse(new ChatPeers.Author("bot", null));
        }
        String from = "staff".equals(author.kind()) ? "staff" : "bot";
        long seq;
        boolean offline;
        Long contact;
        synchronized (s) {
            if (s.sentKeys.contains(m.idempotencyKey())) {
                return SendResult.sent(s.id + ":" + m.idempotencyKey());
            }
            long at = clock.millis();
            if ("staff".equals(from) && !s.staffJoined) {
                s.staffJoined = true;
                push(s, s.add(null, null, "joined", "staff", author.name(), null, at));
            }
            ChatSession.Event e = s.add(m.idempotencyKey(), m.messageId(), "message", from, "staff".equals(from) ? author.name() : null, m.text(), at);
            push(s, e);
            seq = e.seq();
            offline = s.connections.isEmpty() && !s.offlineSince.plus(settings.get().offlineEmailAfter()).isAfter(clock.instant());
            contact = s.contactId;
        }
        sessions.changed();
        if (offline && "staff".equals(from) && contact != null) {
            byEmail(m, contact, "offline");
        }
        return SendResult.sent(s.id + ":" + seq);
    }

    private static void push(ChatSession s, ChatSession.Event e) {
        String frame = Frames.event(e);
        for (Connection c : s.connections) {
            c.send(frame);
        }
    }

    /** A reply the visitor cannot see in the chat now continues by email, through the Messenger (and its gate). */
    private SendResult byEmail(OutboundMessage m, long contactId, String why) {
        boolean zh = "zh".equals(m.language());
        String subject = zh ? "您的在线咨询有新回复" : "A reply to your chat";
        String text = m.text() + (zh ? "\n\n（您离开了在线聊天，此回复通过邮件发送。）" : "\n\n(You had left the chat, so this reply comes by email.)");
        SendOutcome o = peers.send(new Outgoing(contactId, "email", "service", subject, text, null, SENDER,
                "webchat:email:" + m.idempotencyKey(), true));
        LOG.info("A chat reply for contact {} continues by email ({}): {}", contactId, why, o.status());
        return o.accepted() || "duplicate".equals(o.status()) ? SendResult.sent("email:" + m.idempotencyKey())
                : SendResult.failed("The visitor left the chat and the email could not be sent: " + o.status());
    }

    /** Closes every connection (the bundle stops: browsers reconnect when it is back). */
    void closeAll(int code, String reason) {
        for (ChatSession s : sessions.all()) {
            for (Connection c : s.connections) {
                c.close(code, reason);
            }
            s.connections.clear();
        }
    }

    int connected() {
        int n = 0;
        for (ChatSession s : sessions.all()) {
            n += s.connections.isEmpty() ? 0 : 1;
        }
        return n;
    }
}

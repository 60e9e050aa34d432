package org.rapport.channel.webchat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/**
 * The long-poll fallback, {@code /chat/poll}, speaking the same frames as the WebSocket:
 * {@code POST {"token"?, "frames": [...]}} hands frames in and answers {@code {"frames": [...]}}
 * with what is waiting; {@code GET ?token=} waits up to 25 seconds for frames. A poll line
 * unused for a minute counts as disconnected.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/chat/poll")
public final class PollServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;
    private static final long WAIT_MILLIS = 25_000;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final transient WebChatAdapter adapter;
    private final transient Map<String, PollConnection> lines = new ConcurrentHashMap<>();
    private final transient ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "rapport-webchat-poll-reaper"));

    @Activate
    public PollServlet(@Reference WebChatAdapter adapter) {
        this.adapter = adapter;
        reaper.scheduleWithFixedDelay(this::reap, 10, 10, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        reaper.shutdownNow();
        for (PollConnection c : lines.values()) {
            c.close(1001, "The chat service is restarting");
        }
    }

    private void reap() {
        lines.entrySet().removeIf(e -> {
            if (e.getValue().idleFor(IDLE_NANOS) || e.getValue().closed()) {
                ChatEngine.Line line = e.getValue().line();
                if (line != null) {
                    adapter.engine().closed(line);
                }
                return true;
            }
            return false;
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        checkOrigin(req);
        Settings s = adapter.settings();
        JsonNode body = readJson(req, JsonNode.class, s.maxAttachmentBytes() / 3 * 4 + 64 * 1024);
        JsonNode frames = body.path("frames");
        if (!frames.isArray() || frames.size() > 50) {
            throw ApiException.badRequest("Send {\"frames\": [...]} with up to 50 frames");
        }
        PollConnection c = connection(body.path("token").asText(null));
        ChatEngine.Line line = c.line();
        for (JsonNode frame : frames) {
            adapter.engine().onFrame(line, Frames.text(frame));
        }
        if (line.session != null) {
            PollConnection before = lines.put(line.session.id, c);
            if (before != null && before != c) {
                adapter.engine().closed(before.line());
            }
        }
        c.touch();
        try {
            answer(resp, c.take(0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        checkOrigin(req);
        ChatSession session = adapter.engine().sessions().byToken(req.getParameter("token"));
        PollConnection c = session == null ? null : lines.get(session.id);
        if (c == null) {
            throw new ApiException(409, "no_line", "Say hello with a POST first");
        }
        try {
            answer(resp, c.take(WAIT_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(resp, List.of());
        }
    }

    private PollConnection connection(String token) {
        ChatSession session = adapter.engine().sessions().byToken(token);
        PollConnection known = session == null ? null : lines.get(session.id);
        if (known != null && !known.closed()) {
            return known;
        }
        PollConnection c = new PollConnection();
        c.line(adapter.engine().open(c));
        return c;
    }

    private void checkOrigin(HttpServletRequest req) {
        if (!OriginPolicy.allows(req.getHeader("Origin"), req.getHeader("Host"), adapter.settings().allowedOrigins())) {
            throw new ApiException(403, "origin_refused", "This site may not open the chat");
        }
    }

    private static void answer(HttpServletResponse resp, List<String> frames) throws IOException {
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(("{\"frames\":[" + String.join(",", frames) + "]}").getBytes(StandardCharsets.UTF_8));
    }
}

package org.rapport.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chat visitor for tests, on the JDK's {@code java.net.http.WebSocket}: sends frames, and
 * collects the frames the server sends and how the connection closed.
 */
final class ChatClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final List<JsonNode> seen = new ArrayList<>();
    /** Frames {@link #next} passed over, for a later {@code next} of their type (the order of independent frames may vary). */
    private final List<JsonNode> skipped = new ArrayList<>();
    volatile int closeCode = -1;
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    static ChatClient connect(int port, String origin) throws Exception {
        ChatClient c = new ChatClient();
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            b.header("Origin", origin);
        }
        c.ws = b.buildAsync(URI.create("ws://localhost:" + port + "/chat/ws"), c).get(15, TimeUnit.SECONDS);
        return c;
    }

    ChatClient send(String frame) {
        ws.sendText(frame, true).join();
        return this;
    }

    /** The next frame of {@code type}, skipping others (kept in {@link #seen}); fails after {@code timeout}. */
    JsonNode next(String type, Duration timeout) throws InterruptedException {
        for (int i = 0; i < skipped.size(); i++) {
            if (type.equals(skipped.get(i).path("type").asText())) {
                return skipped.remove(i);
            }
        }
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            JsonNode f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (f == null) {
                throw new AssertionError("No \"" + type + "\" frame within " + timeout + "; seen " + seen);
            }
            seen.add(f);
            if (type.equals(f.path("type").asText())) {
                return f;
            }
            skipped.add(f);
        }
    }

    /** Every frame that arrives within {@code quiet} of the previous one. */
    List<JsonNode> drain(Duration quiet) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>(skipped);
        skipped.clear();
        JsonNode f;
        while ((f = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            seen.add(f);
            out.add(f);
        }
        return out;
    }

    boolean awaitClosed(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (closeCode < 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        return closeCode >= 0;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                frames.add(JSON.createObjectNode().put("type", "unparsable").put("text", partial.toString()));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (closeCode < 0) {
            closeCode = 1006;
        }
    }

    @Override
    public void close() {
        if (closeCode < 0) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                ws.abort();
            }
        }
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.rapport.channel.webchat.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One visitor's WebSocket: frames in go to the engine one at a time, frames out are sent one
 * after the other (the next when the previous completed), so they reach the browser in the order
 * the engine produced them.
 */
public final class ChatSocket implements Session.Listener.AutoDemanding, Connection {

    private static final int MAX_QUEUED = 10_000;

    private final ChatEngine engine;
    private final Deque<String> queue = new ArrayDeque<>();
    private Session session;
    private boolean sending;
    private boolean closed;
    private ChatEngine.Line line;

    private final java.time.Duration idleTimeout;

    ChatSocket(ChatEngine engine, java.time.Duration idleTimeout) {
        this.engine = engine;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        s.setIdleTimeout(idleTimeout);
        synchronized (this) {
            session = s;
        }
        line = engine.open(this);
    }

    @Override
    public void onWebSocketText(String text) {
        engine.onFrame(line, text);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        gone();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        gone();
    }

    private void gone() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        if (line != null) {
            engine.closed(line);
        }
    }

    @Override
    public void send(String frame) {
        synchronized (this) {
            if (closed || session == null) {
                return;
            }
            if (queue.size() >= MAX_QUEUED) {
                closed = true; // a browser that does not read: drop the line, it resumes with its token
                queue.clear();
                session.close(1008, "Too many frames waiting", Callback.NOOP);
                return;
            }
            queue.add(frame);
            if (sending) {
                return;
            }
            sending = true;
        }
        writeQueued();
    }

    /** Writes the queued frames one after the other; a write that completes at once continues in this loop, not by recursion. */
    private void writeQueued() {
        while (true) {
            String frame;
            Session s;
            synchronized (this) {
                frame = closed ? null : queue.poll();
                if (frame == null) {
                    sending = false;
                    return;
                }
                s = session;
            }
            Write write = new Write();
            s.sendText(frame, Callback.from(write::done, e -> write.done()));
            if (write.detach()) {
                return; // completes later, on Jetty's thread, which then writes the rest
            }
        }
    }

    /** One write in flight: whether it completed before the writer let go of it. */
    private final class Write {
        private boolean completed;
        private boolean detached;

        void done() {
            boolean resume;
            synchronized (this) {
                completed = true;
                resume = detached;
            }
            if (resume) {
                writeQueued();
            }
        }

        synchronized boolean detach() {
            if (completed) {
                return false;
            }
            detached = true;
            return true;
        }
    }

    @Override
    public void close(int code, String reason) {
        Session s;
        synchronized (this) {
            s = session;
        }
        if (s != null) {
            s.close(code, reason, Callback.NOOP);
        }
    }
}

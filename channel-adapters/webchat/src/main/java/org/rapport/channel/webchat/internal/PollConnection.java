package org.rapport.channel.webchat.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A visitor's connection over HTTP long-polling, for browsers behind proxies that block
 * WebSocket: frames for the visitor wait here until the next poll collects them.
 */
final class PollConnection implements Connection {

    private static final int MAX_QUEUED = 10_000;

    private final List<String> queue = new ArrayList<>();
    private ChatEngine.Line line;
    private long lastActivity = System.nanoTime();
    private boolean closed;

    synchronized void line(ChatEngine.Line line) {
        this.line = line;
    }

    synchronized ChatEngine.Line line() {
        return line;
    }

    @Override
    public synchronized void send(String frame) {
        if (closed) {
            return;
        }
        if (queue.size() >= MAX_QUEUED) {
            queue.remove(0); // never read: the oldest goes; unacknowledged events come back on the next hello
        }
        queue.add(frame);
        notifyAll();
    }

    @Override
    public synchronized void close(int code, String reason) {
        queue.add(Frames.text(Frames.of("closed").put("code", code).put("reason", reason)));
        closed = true;
        notifyAll();
    }

    synchronized boolean closed() {
        return closed;
    }

    /** The frames waiting, waiting up to {@code millis} for the first. */
    synchronized List<String> take(long millis) throws InterruptedException {
        lastActivity = System.nanoTime();
        long end = System.currentTimeMillis() + millis;
        while (queue.isEmpty() && !closed) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        List<String> out = new ArrayList<>(queue);
        queue.clear();
        lastActivity = System.nanoTime();
        return out;
    }

    synchronized void touch() {
        lastActivity = System.nanoTime();
    }

    synchronized boolean idleFor(long nanos) {
        return System.nanoTime() - lastActivity > nanos;
    }
}

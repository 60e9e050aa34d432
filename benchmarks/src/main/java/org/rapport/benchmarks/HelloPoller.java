package org.rapport.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Polls {@code GET /hello} in a tight loop on its own thread, recording the version it reports
 * and the longest window without a 200 answer: from sending the first request that failed to
 * receiving the next 200.
 */
public final class HelloPoller implements Runnable, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;
    private final long intervalMillis;
    private final Duration timeout;
    private final Thread thread;
    private volatile boolean running = true;

    private long gapStart = -1;
    private long maxGapNanos;
    private String version = "";
    private long versionSeenNanos;
    private long polls;
    private long failedPolls;

    public HelloPoller(Server server, long intervalMillis, Duration timeout) {
        this.server = server;
        this.intervalMillis = intervalMillis;
        this.timeout = timeout;
        this.thread = new Thread(this, "hello-poller");
        this.thread.setDaemon(true);
    }

    public HelloPoller start() {
        thread.start();
        return this;
    }

    @Override
    public void run() {
        while (running) {
            long sent = System.nanoTime();
            HttpResponse<String> response = server.get("/hello", timeout);
            long received = System.nanoTime();
            String answered = null;
            if (response != null && response.statusCode() == 200) {
                try {
                    answered = JSON.readTree(response.body()).path("version").asText();
                } catch (Exception e) {
                    answered = null; // a 200 without the expected JSON counts as down
                }
            }
            record(sent, received, answered);
            Server.sleep(intervalMillis);
        }
    }

    private synchronized void record(long sent, long received, String answered) {
        polls++;
        if (answered == null) {
            failedPolls++;
            if (gapStart < 0) {
                gapStart = sent;
            }
            return;
        }
        if (gapStart >= 0) {
            maxGapNanos = Math.max(maxGapNanos, received - gapStart);
            gapStart = -1;
        }
        if (!answered.equals(version)) {
            version = answered;
            versionSeenNanos = received;
        }
        notifyAll();
    }

    /** Waits until /hello reports {@code expected}; returns when it was first seen (nanoTime) or -1 on timeout. */
    public synchronized long awaitVersion(String expected, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!expected.equals(version)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return versionSeenNanos;
    }

    /** The longest window without a 200 since the last call (an open window counts up to now), in ms; resets it. */
    public synchronized double takeMaxGapMillis() {
        long max = maxGapNanos;
        if (gapStart >= 0) {
            max = Math.max(max, System.nanoTime() - gapStart);
        }
        maxGapNanos = 0;
        return max / 1e6;
    }

    public synchronized String version() {
        return version;
    }

    public synchronized long polls() {
        return polls;
    }

    public synchronized long failedPolls() {
        return failedPolls;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}

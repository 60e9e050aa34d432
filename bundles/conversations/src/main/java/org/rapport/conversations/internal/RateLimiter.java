package org.rapport.conversations.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-channel send rates: a token bucket per channel, one second deep. Thread-safe. */
final class RateLimiter {

    private final Map<String, Double> rates;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(Map<String, Double> rates) {
        this.rates = Map.copyOf(rates);
    }

    /** Blocks until a message may go on {@code channel}. */
    void acquire(String channel) throws InterruptedException {
        Double rate = rates.get(channel);
        if (rate == null) {
            return;
        }
        long waitNanos = buckets.computeIfAbsent(channel, c -> new Bucket(rate)).take();
        if (waitNanos > 0) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }

    /** A token bucket: {@code rate} tokens a second, at most {@code rate} stored. */
    private static final class Bucket {
        private final double rate;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double rate) {
            this.rate = rate;
            this.tokens = rate;
        }

        /** Takes a token; returns how long the caller must wait for it (0 if it was there). */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            tokens -= 1;
            return tokens >= 0 ? 0 : (long) (-tokens / rate * 1e9);
        }
    }
}

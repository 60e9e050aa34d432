package org.rapport.channel.webchat.internal;

/**
 * A token bucket for one connection: {@code perMinute} frames a minute on average, up to
 * {@code burst} at once. Not shared between threads without the caller's lock.
 */
final class RateLimiter {

    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    RateLimiter(int perMinute, int burst, long nowNanos) {
        this.perNano = perMinute / 60e9;
        this.capacity = Math.max(1, burst);
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes one token; false when the connection is over its rate. */
    synchronized boolean tryAcquire(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Milliseconds until the next token. */
    synchronized long retryAfterMillis() {
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano / 1e6);
    }
}

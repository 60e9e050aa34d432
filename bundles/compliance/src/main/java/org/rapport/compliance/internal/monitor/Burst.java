package org.rapport.compliance.internal.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts per key (a user) in a sliding window and says when a threshold is crossed: parsed from
 * {@code 500/10m} (m minutes, h hours). Thread-safe.
 */
final class Burst {
    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,5})\\s*([mh])\\s*");

    private final long threshold;
    private final Duration window;
    private final Map<Long, Deque<long[]>> events = new HashMap<>();

    Burst(long threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
    }

    static Burst parse(String text, String fallback) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            m = FORMAT.matcher(fallback);
            m.matches();
        }
        long amount = Math.max(1, Long.parseLong(m.group(2)));
        return new Burst(Math.max(1, Long.parseLong(m.group(1))), m.group(3).equals("m") ? Duration.ofMinutes(amount) : Duration.ofHours(amount));
    }

    long threshold() {
        return threshold;
    }

    Duration window() {
        return window;
    }

    /** Adds {@code count} for {@code key} at {@code at}; returns the total in the window when it reaches the threshold, else -1. */
    synchronized long add(long key, long count, Instant at) {
        Deque<long[]> deque = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        deque.addLast(new long[] {at.toEpochMilli(), count});
        long since = at.minus(window).toEpochMilli();
        while (!deque.isEmpty() && deque.peekFirst()[0] < since) {
            deque.removeFirst();
        }
        long total = deque.stream().mapToLong(e -> e[1]).sum();
        if (total >= threshold) {
            deque.clear(); // counted: start over, so one burst raises one alert
            return total;
        }
        if (events.size() > 10_000) {
            events.entrySet().removeIf(e -> e.getValue().isEmpty() || e.getValue().peekLast()[0] < since);
        }
        return -1;
    }
}

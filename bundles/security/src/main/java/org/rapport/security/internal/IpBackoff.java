package org.rapport.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A growing delay before answering sign-ins from an address that failed often: none for the
 * first {@value #FREE_FAILURES} failures in {@link #WINDOW}, then 250 ms more per failure, up to
 * {@value #MAX_DELAY_MS} ms.
 */
final class IpBackoff {
    static final int FREE_FAILURES = 5;
    static final long STEP_MS = 250;
    static final long MAX_DELAY_MS = 3000;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant since) {
    }

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    long delayMillis(String address, Instant now) {
        Failures f = byAddress.get(address);
        if (f == null || !now.isBefore(f.since().plus(WINDOW))) {
            return 0;
        }
        return Math.min(MAX_DELAY_MS, Math.max(0, f.count() - FREE_FAILURES) * STEP_MS);
    }

    void recordFailure(String address, Instant now) {
        if (byAddress.size() >= MAX_TRACKED) {
            byAddress.clear();
        }
        byAddress.compute(address, (a, f) -> f == null || !now.isBefore(f.since().plus(WINDOW))
                ? new Failures(1, now) : new Failures(f.count() + 1, f.since()));
    }
}

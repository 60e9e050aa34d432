package org.rapport.security.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The lockout rule: {@code threshold} failed sign-ins for one username, each within
 * {@code duration} of the previous, lock it for {@code duration}.
 */
record Lockout(int threshold, Duration duration) {

    /** Failed-sign-in state of one username. */
    record State(int attempts, Instant lastFailedAt, Instant lockedUntil) {
        static final State CLEAN = new State(0, null, null);
    }

    /** Seconds until the lock ends (at least 1), or 0 when not locked. */
    long lockedForSeconds(State state, Instant now) {
        if (state.lockedUntil() == null || !now.isBefore(state.lockedUntil())) {
            return 0;
        }
        return Math.max(1, (Duration.between(now, state.lockedUntil()).toMillis() + 999) / 1000);
    }

    /** The state after one more failure at {@code now}. */
    State afterFailure(State state, Instant now) {
        boolean inWindow = state.lockedUntil() == null && state.lastFailedAt() != null
                && now.isBefore(state.lastFailedAt().plus(duration));
        int attempts = inWindow ? state.attempts() + 1 : 1;
        Instant lockedUntil = attempts >= threshold ? now.plus(duration) : null;
        return new State(attempts, now, lockedUntil);
    }
}

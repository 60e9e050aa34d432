package org.rapport.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutTest {
    private final Lockout lockout = new Lockout(3, Duration.ofMinutes(15));
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void locksAfterThresholdFailuresWithinTheWindow() {
        Lockout.State s = Lockout.State.CLEAN;
        s = lockout.afterFailure(s, t0);
        s = lockout.afterFailure(s, t0.plusSeconds(60));
        assertThat(lockout.lockedForSeconds(s, t0.plusSeconds(61))).isZero();
        s = lockout.afterFailure(s, t0.plusSeconds(120));
        assertThat(s.attempts()).isEqualTo(3);
        assertThat(lockout.lockedForSeconds(s, t0.plusSeconds(120))).isEqualTo(900);
        assertThat(lockout.lockedForSeconds(s, t0.plusSeconds(120 + 899))).isEqualTo(1);
        assertThat(lockout.lockedForSeconds(s, t0.plusSeconds(120 + 900))).isZero();
    }

    @Test
    void failuresFurtherApartThanTheWindowStartOver() {
        Lockout.State s = lockout.afterFailure(lockout.afterFailure(Lockout.State.CLEAN, t0), t0.plusSeconds(10));
        s = lockout.afterFailure(s, t0.plus(Duration.ofMinutes(30)));
        assertThat(s.attempts()).isEqualTo(1);
        assertThat(s.lockedUntil()).isNull();
    }

    @Test
    void afterALockEndsCountingStartsAgain() {
        Lockout.State s = Lockout.State.CLEAN;
        for (int i = 0; i < 3; i++) {
            s = lockout.afterFailure(s, t0);
        }
        s = lockout.afterFailure(s, t0.plus(Duration.ofMinutes(16)));
        assertThat(s.attempts()).isEqualTo(1);
        assertThat(s.lockedUntil()).isNull();
    }

    @Test
    void ipBackoffGrowsAfterFreeFailuresAndIsCapped() {
        IpBackoff backoff = new IpBackoff();
        for (int i = 0; i < IpBackoff.FREE_FAILURES; i++) {
            backoff.recordFailure("10.0.0.1", t0);
        }
        assertThat(backoff.delayMillis("10.0.0.1", t0)).isZero();
        backoff.recordFailure("10.0.0.1", t0);
        assertThat(backoff.delayMillis("10.0.0.1", t0)).isEqualTo(IpBackoff.STEP_MS);
        for (int i = 0; i < 100; i++) {
            backoff.recordFailure("10.0.0.1", t0);
        }
        assertThat(backoff.delayMillis("10.0.0.1", t0)).isEqualTo(IpBackoff.MAX_DELAY_MS);
        assertThat(backoff.delayMillis("10.0.0.2", t0)).isZero();
        assertThat(backoff.delayMillis("10.0.0.1", t0.plus(IpBackoff.WINDOW))).isZero();
    }
}

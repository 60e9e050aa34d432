package org.rapport.accounts.internal.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Date arithmetic shared by the rules: whole days between dates, never negative. */
final class Days {

    private Days() {
    }

    /** Days from {@code from} to {@code today}; 0 when {@code from} is today or in the future. */
    static long since(LocalDate from, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(from, today));
    }

    /** The later of two dates, either of which may be null; null when both are. */
    static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }

    /** The earlier of two dates, either of which may be null; null when both are. */
    static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}

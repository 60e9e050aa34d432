package org.rapport.compliance.internal.gate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A daily quiet period in local time, e.g. 21:00-08:00 (across midnight) or 12:00-13:30; tells
 * whether an instant falls into it in a given zone and when it ends.
 */
record QuietHours(LocalTime start, LocalTime end) {

    static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /** Parses {@code HH:mm-HH:mm}; empty means none. */
    static QuietHours parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String[] parts = text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Quiet hours must look like 21:00-08:00, not '" + text + "'");
        }
        try {
            return new QuietHours(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Quiet hours must look like 21:00-08:00, not '" + text + "'");
        }
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    boolean none() {
        return start.equals(end);
    }

    /** When {@code now} is inside the quiet period in {@code zone}: the instant it ends. */
    Optional<Instant> endIfQuiet(Instant now, ZoneId zone) {
        if (none()) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean acrossMidnight = start.isAfter(end);
        if (acrossMidnight) {
            if (!time.isBefore(start)) {
                return Optional.of(at(day.plusDays(1), zone));
            }
            if (time.isBefore(end)) {
                return Optional.of(at(day, zone));
            }
            return Optional.empty();
        }
        return !time.isBefore(start) && time.isBefore(end) ? Optional.of(at(day, zone)) : Optional.empty();
    }

    private Instant at(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.of(day, end), zone).toInstant();
    }

    @Override
    public String toString() {
        return none() ? "" : start + "-" + end;
    }
}

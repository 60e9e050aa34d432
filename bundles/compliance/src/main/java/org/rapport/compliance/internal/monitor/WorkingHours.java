package org.rapport.compliance.internal.monitor;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/** Office hours on working days in the office's zone: whether an access happened inside them. */
record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) {

    static WorkingHours parse(String hours, String days, String zone) {
        LocalTime start = LocalTime.of(8, 0);
        LocalTime end = LocalTime.of(20, 0);
        try {
            String[] parts = hours.strip().split("\\s*-\\s*");
            start = LocalTime.parse(parts[0].length() == 4 ? "0" + parts[0] : parts[0]);
            end = LocalTime.parse(parts[1].length() == 4 ? "0" + parts[1] : parts[1]);
        } catch (RuntimeException e) {
            // keep the defaults
        }
        Set<DayOfWeek> working = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days.split(",")) {
            try {
                working.add(DayOfWeek.of(Integer.parseInt(day.strip())));
            } catch (RuntimeException e) {
                // ignore a bad entry
            }
        }
        if (working.isEmpty()) {
            working = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            zoneId = ZoneId.of("Asia/Shanghai");
        }
        return new WorkingHours(start, end, Set.copyOf(working), zoneId);
    }

    boolean inside(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}

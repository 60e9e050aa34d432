package org.rapport.campaigns.internal;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.rapport.campaigns.Schedule;

/** Schedules: checks them, and when a campaign is next due (Quartz's {@link CronExpression} for recurring ones). */
final class Schedules {
    static final String DEFAULT_ZONE = "Asia/Shanghai";
    static final String NEW_CLIENT = "new_client";
    static final String CHURN_ALERT = "churn_alert";
    static final String COMPLAINT_CLOSED = "complaint_closed";
    static final java.util.List<String> EVENTS = java.util.List.of(NEW_CLIENT, CHURN_ALERT, COMPLAINT_CLOSED);

    private Schedules() {
    }

    /** Problems of a schedule, field → message (empty when fine). */
    static Map<String, String> check(Schedule s) {
        switch (s.type() == null ? "" : s.type()) {
            case "manual":
                return Map.of();
            case "once":
                return s.at() == null ? Map.of("schedule.at", "a time is required for a schedule of type once") : Map.of();
            case "cron":
                if (s.cron() == null || s.cron().isBlank() || s.cron().length() > 200) {
                    return Map.of("schedule.cron", "a cron expression is required, e.g. 0 0 9 1 1,4,7,10 ? (quarterly at 09:00)");
                }
                try {
                    zone(s);
                } catch (DateTimeException e) {
                    return Map.of("schedule.timeZone", "is not a time zone id such as Asia/Shanghai");
                }
                try {
                    CronExpression expression = new CronExpression(s.cron().strip());
                    if (expression.getNextValidTimeAfter(new Date()) == null) {
                        return Map.of("schedule.cron", "never fires again");
                    }
                    return Map.of();
                } catch (ParseException e) {
                    return Map.of("schedule.cron", "is not a valid cron expression: " + e.getMessage());
                }
            case "event":
                return EVENTS.contains(s.event()) ? Map.of() : Map.of("schedule.event", "must be one of " + String.join(", ", EVENTS));
            default:
                return Map.of("schedule.type", "must be manual, once, cron or event");
        }
    }

    /** When a campaign with this schedule is next due after {@code now}, or {@code null} (manual, a once already past its run). */
    static Instant next(Schedule s, Instant now) {
        if ("once".equals(s.type())) {
            return s.at();
        }
        if (!"cron".equals(s.type())) {
            return null;
        }
        try {
            CronExpression expression = new CronExpression(s.cron().strip());
            expression.setTimeZone(TimeZone.getTimeZone(zone(s)));
            Date next = expression.getNextValidTimeAfter(Date.from(now));
            return next == null ? null : next.toInstant();
        } catch (ParseException e) {
            return null;
        }
    }

    static boolean triggered(Schedule s) {
        return s != null && "event".equals(s.type());
    }

    static boolean recurring(Schedule s) {
        return s != null && "cron".equals(s.type());
    }

    private static ZoneId zone(Schedule s) {
        return ZoneId.of(s.timeZone() == null || s.timeZone().isBlank() ? DEFAULT_ZONE : s.timeZone().strip());
    }
}

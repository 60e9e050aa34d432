package org.rapport.campaigns;

import java.time.Instant;

/**
 * When a campaign runs: {@code manual} (on launch), {@code once} at {@code at}, or {@code cron}: a
 * Quartz cron expression ({@code cron}, e.g. {@code 0 0 9 1 1,4,7,10 ?} for 09:00 on the first day of
 * each quarter) in {@code timeZone} (default {@code Asia/Shanghai}), or {@code event}: once launched, the
 * campaign listens for {@code event} — {@code new_client} (a client or contact created or imported:
 * a welcome), {@code churn_alert} (a client's churn risk crossed the alert threshold: a win-back) or
 * {@code complaint_closed} (a complaint was closed: a follow-up to the contact who complained) —
 * and messages the concerned contacts that match its segment, each at most once. A recurring campaign
 * starts a new run at each fire time; a fire time that passes while a run is still going is skipped.
 * <p>
 * Any schedule can drive a series: a campaign's {@link CampaignInput#steps() steps} follow each recipient's
 * first message at their delays (e.g. an {@code event} / {@code new_client} campaign with steps
 * {@code P3D} and {@code P7D} is a welcome series: the greeting at once, the second message three days
 * after it, the third seven days after the second). A run stays open until no step is pending.
 *
 * @since 0.1
 */
public record Schedule(String type, Instant at, String cron, String timeZone, String event) {

    public static final Schedule MANUAL = new Schedule("manual", null, null, null, null);

    /** Manual or once. */
    public Schedule(String type, Instant at) {
        this(type, at, null, null, null);
    }

    /** A recurring schedule. */
    public static Schedule cron(String expression, String timeZone) {
        return new Schedule("cron", null, expression, timeZone, null);
    }

    /** Triggered by an event ({@code new_client}, {@code churn_alert}). */
    public static Schedule on(String event) {
        return new Schedule("event", null, null, null, event);
    }
}

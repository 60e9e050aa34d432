package org.rapport.accounts.internal.engine;

import java.time.LocalDate;

/**
 * When a client is next due for contact.
 *
 * @param tier the tier the cadence was taken from, nullable
 * @param intervalDays days between contacts for that tier
 * @param lastContactOn the contact the interval counts from (the client's creation date when never contacted)
 * @param dueOn the day the next contact is due
 */
public record FollowUp(String tier, int intervalDays, LocalDate lastContactOn, LocalDate dueOn) {

    /** Overdue once the due day has passed; a contact due today is not overdue yet. */
    public boolean isOverdue(LocalDate today) {
        return today.isAfter(dueOn);
    }

    /** Days past the due day, 0 when not overdue. */
    public long daysOverdue(LocalDate today) {
        return Days.since(dueOn, today);
    }

    /** Days until the due day, 0 when due today or overdue. */
    public long daysUntilDue(LocalDate today) {
        return Days.since(today, dueOn);
    }
}

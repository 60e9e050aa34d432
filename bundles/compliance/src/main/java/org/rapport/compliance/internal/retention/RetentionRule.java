package org.rapport.compliance.internal.retention;

import java.time.Instant;
import java.util.List;
import org.rapport.compliance.RetentionAction;

/**
 * A kind of data with the retention in force: the admin's rule, or the kind's default.
 *
 * @param provider the provider's name
 * @param kind the kind's id
 * @param labelEn English label
 * @param labelZh Chinese label
 * @param days how long the data is kept
 * @param action delete or anonymise
 * @param actions what the kind supports
 * @param enabled whether runs apply it
 * @param defaultDays the kind's default period
 * @param custom whether an admin set it
 * @param updatedBy who set it, or {@code null}
 * @param updatedAt when, or {@code null}
 */
public record RetentionRule(String provider, String kind, String labelEn, String labelZh, int days, RetentionAction action,
        List<RetentionAction> actions, boolean enabled, int defaultDays, boolean custom, String updatedBy, Instant updatedAt) {
}

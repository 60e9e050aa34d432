package org.rapport.compliance;

import java.time.Instant;

/**
 * What the {@link ComplianceGate} decided, as stored.
 *
 * @param decision allow, deny or defer
 * @param reasonCode stable machine code: {@code allowed}, {@code no_consent}, {@code opted_out},
 *        {@code quiet_hours}, {@code frequency_cap}, {@code content_rule}, {@code unknown_contact},
 *        {@code unknown_address}, {@code not_staff_address} (an {@link Purpose#INTERNAL internal} message
 *        to anything but an enabled staff member's own email address)
 * @param reason human-readable, English
 * @param retryAt when DEFER: when to ask again; else {@code null}
 * @param id the stored decision's id
 * @since 0.1
 */
public record GateDecision(Decision decision, String reasonCode, String reason, Instant retryAt, long id) {

    public boolean allowed() {
        return decision == Decision.ALLOW;
    }
}

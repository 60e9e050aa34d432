package org.rapport.accounts.internal.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A manual tier set by staff, with the reason, honoured until it expires.
 *
 * @param tier the tier to apply
 * @param reason why (free text from staff)
 * @param expiresOn first day the override no longer applies; null for no expiry
 */
public record TierOverride(String tier, String reason, LocalDate expiresOn) {

    public TierOverride {
        TierThresholds.requireTierId(tier);
        reason = Objects.requireNonNullElse(reason, "");
    }

    /** Whether the override applies on {@code today}: it does before {@code expiresOn}, not on or after it. */
    public boolean activeOn(LocalDate today) {
        return expiresOn == null || today.isBefore(expiresOn);
    }
}

package org.rapport.accounts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A manual tier set by staff, in force until it expires.
 *
 * @param tier the tier
 * @param reason why (required)
 * @param expiresOn the last day it applies, or {@code null} for no expiry
 * @param setBy the staff user who set it
 * @param setAt when
 * @since 0.1
 */
public record TierOverride(String tier, String reason, LocalDate expiresOn, long setBy, Instant setAt) {}

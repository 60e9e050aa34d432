package org.rapport.accounts.internal.engine;

import java.time.LocalDate;
import java.util.Objects;

/** Computes a client's next follow-up date from its tier's cadence and its last contact. */
public final class FollowUpCadence {

    private final FollowUpConfig config;

    public FollowUpCadence(FollowUpConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The next follow-up.
     *
     * @param tier the client's tier, nullable (default cadence)
     * @param lastContactOn the last contact, nullable (then counted from {@code createdOn})
     * @param createdOn when the client was created
     */
    public FollowUp next(String tier, LocalDate lastContactOn, LocalDate createdOn) {
        Objects.requireNonNull(createdOn, "createdOn");
        LocalDate from = lastContactOn != null ? lastContactOn : createdOn;
        int days = config.daysFor(tier);
        return new FollowUp(tier, days, from, from.plusDays(days));
    }

    /** The next follow-up for the client's current tier, counted from its last interaction. */
    public FollowUp next(ClientFacts facts) {
        return next(facts.currentTier(), facts.lastInteractionOn(), facts.createdOn());
    }
}

package org.rapport.compliance;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one check every outbound message passes before it is queued: consent and opt-out, quiet
 * hours in the recipient's time zone, frequency caps per contact and purpose, and content rules.
 * {@link Purpose#INTERNAL Internal} messages (no contact) pass only to an enabled staff member's
 * own registered email address.
 *
 * @since 0.1
 */
@ProviderType
public interface ComplianceGate {

    /**
     * Decides and records the decision (every decision is stored). Never throws for a
     * well-formed request: an unknown contact is a DENY with a reason. Thread-safe and fast (it is
     * on the hot path of campaigns).
     *
     * @throws IllegalArgumentException when the request is malformed (no channel, purpose or sender,
     *         an unknown channel)
     */
    GateDecision check(OutboundRequest request);

    /**
     * Decides many requests at once, as {@link #check} would one after the other, in their order
     * (two requests for one contact see each other against the caps), with every decision stored —
     * in one transaction, which makes it much faster for a campaign's batch.
     *
     * @return the decisions, in the order of the requests
     * @throws IllegalArgumentException when a request is malformed (then none is decided)
     * @since 0.2
     */
    default java.util.List<GateDecision> checkAll(java.util.List<OutboundRequest> requests) {
        return requests.stream().map(this::check).toList();
    }
}

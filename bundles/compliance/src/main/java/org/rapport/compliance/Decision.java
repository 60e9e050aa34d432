package org.rapport.compliance;

/**
 * The gate's verdict on one outbound message.
 *
 * @since 0.1
 */
public enum Decision {
    /** Send it. */
    ALLOW,
    /** Do not send it, ever (as it stands). */
    DENY,
    /** Not now: ask again at {@link GateDecision#retryAt()}. */
    DEFER
}

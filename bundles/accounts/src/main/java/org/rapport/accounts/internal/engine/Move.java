package org.rapport.accounts.internal.engine;

/**
 * A client to move away from its manager, from {@link Assigner#rebalance}.
 *
 * <p>{@code toManagerId} is null when no suitable manager has capacity: for
 * {@link Cause#OVER_CAPACITY} the client stays where it is (the overload remains), for the
 * other causes it is left without a manager and needs a human decision.
 *
 * @param clientId the client
 * @param fromManagerId its manager now
 * @param toManagerId the manager to move it to, nullable (see above)
 * @param cause why it moves
 * @param fit how the new manager fits, null when there is none
 * @param reasonZh why, in Chinese
 * @param reasonEn why, in English
 */
public record Move(long clientId, long fromManagerId, Long toManagerId, Cause cause, Fit fit, String reasonZh,
        String reasonEn) {

    /** Why a client moves. */
    public enum Cause {
        /** Its manager is deactivated. */
        MANAGER_INACTIVE,
        /** Its manager is not among the known managers (left the company). */
        MANAGER_UNKNOWN,
        /** Its manager holds more clients than their capacity. */
        OVER_CAPACITY
    }

    /** Whether a new manager was found. */
    public boolean resolved() {
        return toManagerId != null;
    }
}

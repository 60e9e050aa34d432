package org.rapport.accounts.internal.engine;

/**
 * The outcome for one {@link AssignmentRequest}.
 *
 * @param clientId the client
 * @param managerId the manager it gets or keeps; null when nobody suitable has capacity
 * @param outcome what happened
 * @param fit how the manager fits, null when unassigned
 * @param reasonZh why, in Chinese
 * @param reasonEn why, in English
 */
public record Assignment(long clientId, Long managerId, Outcome outcome, Fit fit, String reasonZh, String reasonEn) {

    /** What happened to a request. */
    public enum Outcome {
        /** Given to a (new) manager. */
        ASSIGNED,
        /** Stays with its current manager. */
        KEPT,
        /** Nobody active with a suitable seniority has capacity; the client needs a human decision. */
        UNASSIGNED
    }
}

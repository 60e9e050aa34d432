package org.rapport.compliance;

/**
 * EventAdmin topics the compliance bundle posts (after commit, through the store's outbox).
 *
 * @since 0.1
 */
public final class ComplianceEvents {

    /** Topic prefix; subscribe to {@code org/rapport/compliance/*} for all. */
    public static final String PREFIX = "org/rapport/compliance/";

    /** A consent was recorded: {@link #CONTACT_ID}, {@link #CHANNEL}, {@link #PURPOSE}, {@link #GRANTED}, {@link #SOURCE}. */
    public static final String CONSENT_CHANGED = PREFIX + "consent/CHANGED";
    /** A monitoring rule raised an alert: {@link #ALERT_ID}, {@link #RULE}, {@link #SEVERITY}. */
    public static final String ALERT_RAISED = PREFIX + "alert/RAISED";
    /** A contact's data was exported: {@link #CONTACT_ID}, {@link #ACTOR_ID}. */
    public static final String CONTACT_EXPORTED = PREFIX + "contact/EXPORTED";
    /** A contact's data was erased across every provider: {@link #CONTACT_ID}, {@link #ACTOR_ID}. */
    public static final String CONTACT_ERASED = PREFIX + "contact/ERASED";
    /** A retention run finished: {@link #RUN_ID}. */
    public static final String RETENTION_RUN = PREFIX + "retention/RUN";

    /** Property: the contact id (long). */
    public static final String CONTACT_ID = "contact.id";
    /** Property: the channel. */
    public static final String CHANNEL = "channel";
    /** Property: the purpose id. */
    public static final String PURPOSE = "purpose";
    /** Property: opt-in (true) or opt-out (false). */
    public static final String GRANTED = "granted";
    /** Property: the consent's source. */
    public static final String SOURCE = "source";
    /** Property: the acting staff user id (long, 0 for the system). */
    public static final String ACTOR_ID = "actor.id";
    /** Property: the alert id (long). */
    public static final String ALERT_ID = "alert.id";
    /** Property: the monitoring rule's id. */
    public static final String RULE = "rule";
    /** Property: {@code info}, {@code warning} or {@code critical}. */
    public static final String SEVERITY = "severity";
    /** Property: the retention run id (long). */
    public static final String RUN_ID = "run.id";

    private ComplianceEvents() {
    }
}

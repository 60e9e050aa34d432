package org.rapport.records;

/**
 * EventAdmin topics and properties of the events the records service posts after each committed
 * change. Every event carries {@link #CLIENT_ID} (except {@link #CLIENTS_IMPORTED} and {@link #IMPORT_FINISHED}), {@link #ACTOR_ID} and the outbox's
 * {@code event.id}; entity events also carry their own id.
 *
 * @since 0.1
 */
public final class RecordsEvents {

    /** Topic prefix; subscribe to {@code org/rapport/records/*} for all. */
    public static final String PREFIX = "org/rapport/records/";

    public static final String CLIENT_CREATED = PREFIX + "client/CREATED";
    public static final String CLIENT_UPDATED = PREFIX + "client/UPDATED";
    /** A client was merged into another: {@link #CLIENT_ID} is the survivor, {@link #MERGED_ID} the removed one. */
    public static final String CLIENT_MERGED = PREFIX + "client/MERGED";
    public static final String CLIENT_DELETED = PREFIX + "client/DELETED";
    /** Account standing changed (tier, stage, manager, scores); {@link #FIELDS} says which. */
    public static final String STANDING_CHANGED = PREFIX + "client/STANDING";
    public static final String CONTACT_CREATED = PREFIX + "contact/CREATED";
    public static final String CONTACT_UPDATED = PREFIX + "contact/UPDATED";
    public static final String CONTACT_DELETED = PREFIX + "contact/DELETED";
    public static final String INTERACTION_CREATED = PREFIX + "interaction/CREATED";
    /**
     * Interactions of a client were anonymised or deleted in bulk (erasure, retention):
     * {@link #CLIENT_ID}, {@link #COUNT}, {@link #ACTION} ({@code anonymised} or {@code deleted}).
     *
     * @since 0.2
     */
    public static final String INTERACTIONS_CHANGED = PREFIX + "interaction/CHANGED";
    public static final String TRANSACTION_CREATED = PREFIX + "transaction/CREATED";
    public static final String TASK_CREATED = PREFIX + "task/CREATED";
    public static final String TASK_UPDATED = PREFIX + "task/UPDATED";
    /**
     * A batch of clients was imported at once (an import job): {@link #CLIENT_IDS}, {@link #COUNT}, and since 0.3
     * {@link #JOB_ID}. The job's {@link #IMPORT_FINISHED} follows its last batch.
     */
    public static final String CLIENTS_IMPORTED = PREFIX + "client/IMPORTED";
    /**
     * An import job has written its last batch and ended (succeeded, failed or cancelled): {@link #JOB_ID},
     * {@link #COUNT} (clients it created), {@link #ACTOR_ID}. Posted once per import, after every
     * {@link #CLIENTS_IMPORTED} of the job was committed. Work on the imported clients that is not
     * urgent (scoring) can wait for it rather than compete with the import.
     *
     * @since 0.3
     */
    public static final String IMPORT_FINISHED = PREFIX + "import/FINISHED";

    /** Property: the client id (long). */
    public static final String CLIENT_ID = "client.id";
    /** Property: the removed client of a merge (long). */
    public static final String MERGED_ID = "merged.id";
    /** Property: the contact id (long). */
    public static final String CONTACT_ID = "contact.id";
    /** Property: the interaction, transaction or task id (long). */
    public static final String ENTITY_ID = "entity.id";
    /** Property: the changed field names (a list of strings). */
    public static final String FIELDS = "fields";
    /** Property: the acting staff user id (long, 0 for the system). */
    public static final String ACTOR_ID = "actor.id";
    /** Property: the interaction kind ({@code contact}, {@code complaint}, {@code note}). */
    public static final String KIND = "kind";
    /** Property: the ids of the clients imported in one batch (a list of numbers). */
    public static final String CLIENT_IDS = "client.ids";
    /** Property of {@link #CLIENTS_IMPORTED} and {@link #IMPORT_FINISHED}: the import job's id (string). @since 0.3 */
    public static final String JOB_ID = "job.id";
    /** Property: how many records (long). */
    public static final String COUNT = "count";
    /** Property of {@link #CONTACT_DELETED}: {@code true} when the contact was erased (a data-subject request). @since 0.2 */
    public static final String ERASED = "erased";
    /** Property of {@link #INTERACTIONS_CHANGED}: {@code anonymised} or {@code deleted}. @since 0.2 */
    public static final String ACTION = "action";

    private RecordsEvents() {
    }
}

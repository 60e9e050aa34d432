package org.rapport.store;

import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A running store transaction.
 *
 * @since 0.1
 */
@ProviderType
public interface Tx {

    /** The Jdbi handle bound to this transaction; use it for every statement of the work. */
    Handle handle();

    /**
     * Runs {@code action} after this transaction has committed (never if it rolls back).
     * Actions run in registration order on the committing thread; one that throws is logged and
     * does not stop the others.
     */
    void afterCommit(Runnable action);

    /**
     * Records an event in the store's outbox table in this transaction. After commit it is posted
     * to OSGi EventAdmin with {@code properties} plus {@value Store#EVENT_ID}; if EventAdmin is
     * absent, or the post fails, it is posted again later (at-least-once: listeners de-duplicate
     * by {@value Store#EVENT_ID}). A rolled-back transaction emits nothing.
     *
     * <p>Properties are stored as JSON: use strings, numbers, booleans, lists and maps of those
     * (numbers arrive as {@link Number}, possibly of another subclass than was emitted).
     *
     * @param topic an EventAdmin topic such as {@code org/rapport/records/COMPANY_CREATED}
     * @param properties the event properties
     * @return the outbox id of the event
     * @throws IllegalArgumentException if the topic is not a valid EventAdmin topic or a property
     *     cannot be written as JSON
     */
    long emit(String topic, Map<String, Object> properties);

    /**
     * {@link #emit} for many events of one topic; the store writes them with one statement (a
     * batch of changes that each has its event).
     *
     * @return the events' ids, in the order of {@code properties}
     * @throws IllegalArgumentException as {@link #emit}
     * @since 0.2
     */
    default java.util.List<Long> emitAll(String topic, java.util.List<Map<String, Object>> properties) {
        return properties.stream().map(p -> emit(topic, p)).toList();
    }
}

package org.rapport.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.rapport.store.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running transaction: its handle, its emitted events and its after-commit actions. */
final class TxImpl implements Tx {

    private static final Logger LOG = LoggerFactory.getLogger(TxImpl.class);

    private final EventOutbox outbox;
    private final List<EventOutbox.Pending> events = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private Handle handle;
    private boolean open = true;

    TxImpl(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void begin(Handle h) {
        this.handle = h;
    }

    @Override
    public Handle handle() {
        checkOpen();
        return handle;
    }

    @Override
    public void afterCommit(Runnable action) {
        checkOpen();
        afterCommit.add(action);
    }

    @Override
    public long emit(String topic, Map<String, Object> properties) {
        checkOpen();
        EventOutbox.Pending event = outbox.insert(handle, topic, properties);
        events.add(event);
        return event.id();
    }

    @Override
    public List<Long> emitAll(String topic, List<Map<String, Object>> properties) {
        checkOpen();
        List<EventOutbox.Pending> written = outbox.insertAll(handle, topic, properties);
        events.addAll(written);
        return written.stream().map(EventOutbox.Pending::id).toList();
    }

    /** After commit: publish the events, then run the actions. */
    void committed() {
        open = false;
        try {
            outbox.committed(events);
        } catch (RuntimeException e) {
            LOG.warn("Publishing events after commit failed; they will be retried: {}", e.toString());
        }
        for (Runnable action : afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("After-commit action failed", e);
            }
        }
    }

    /** After rollback: nothing is published, nothing runs. */
    void rolledBack() {
        open = false;
        outbox.discard(events);
    }

    private void checkOpen() {
        if (!open || handle == null) {
            throw new IllegalStateException("the transaction is not running");
        }
    }
}

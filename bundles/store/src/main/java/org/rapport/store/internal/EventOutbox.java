package org.rapport.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional outbox: events are written to {@code store_event} inside the caller's
 * transaction and handed to a {@link Publisher} after commit; rows not yet published are handed
 * over again by {@link #republishPending} (at-least-once delivery).
 */
public final class EventOutbox {

    /** Delivers one event; answers false when it cannot deliver now (the row then waits). */
    @FunctionalInterface
    public interface Publisher {
        boolean publish(String topic, Map<String, Object> properties);
    }

    /** An event written in a transaction that has not been published yet. */
    record Pending(long id, String topic, String json) {}

    private static final Logger LOG = LoggerFactory.getLogger(EventOutbox.class);
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final int BATCH = 500;

    private final Jdbi jdbi;
    private final Publisher publisher;
    private final ObjectMapper json = new ObjectMapper();
    /** Ids written by transactions still running or being published right now. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    public EventOutbox(Jdbi jdbi, Publisher publisher) {
        this.jdbi = jdbi;
        this.publisher = publisher;
    }

    /** Writes an event row with {@code handle}, in its transaction. */
    Pending insert(Handle handle, String topic, Map<String, Object> properties) {
        String text = text(topic, properties);
        long id =
                handle
                        .createUpdate(
                                "INSERT INTO store_event (topic, properties, created_at) "
                                        + "VALUES (:topic, :properties, CURRENT_TIMESTAMP)")
                        .bind("topic", topic)
                        .bind("properties", text)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
        inFlight.add(id);
        return new Pending(id, topic, text);
    }

    /** Writes event rows of one topic with {@code handle} as one batch, in its transaction. */
    List<Pending> insertAll(Handle handle, String topic, List<Map<String, Object>> properties) {
        if (properties.isEmpty()) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(properties.size());
        for (Map<String, Object> p : properties) {
            texts.add(text(topic, p));
        }
        PreparedBatch batch =
                handle.prepareBatch(
                        "INSERT INTO store_event (topic, properties, created_at) "
                                + "VALUES (:topic, :properties, CURRENT_TIMESTAMP)");
        texts.forEach(text -> batch.bind("topic", topic).bind("properties", text).add());
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != texts.size()) {
            throw new IllegalStateException(
                    "the database returned " + ids.size() + " event ids for " + texts.size() + " rows");
        }
        List<Pending> written = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            inFlight.add(ids.get(i));
            written.add(new Pending(ids.get(i), topic, texts.get(i)));
        }
        return written;
    }

    private String text(String topic, Map<String, Object> properties) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("not a valid event topic: " + topic);
        }
        try {
            return json.writeValueAsString(properties == null ? Map.of() : properties);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event properties cannot be written as JSON", e);
        }
    }

    /** The transaction that wrote {@code events} rolled back: the rows are gone. */
    void discard(List<Pending> events) {
        events.forEach(e -> inFlight.remove(e.id()));
    }

    /**
     * The transaction that wrote {@code events} committed: publish them now, then mark them
     * published together (one statement for the transaction's events, not one commit each).
     */
    void committed(List<Pending> events) {
        List<Long> done = new ArrayList<>(events.size());
        try {
            for (Pending event : events) {
                if (publish(event)) {
                    done.add(event.id());
                }
            }
            markPublished(done);
        } finally {
            events.forEach(e -> inFlight.remove(e.id()));
        }
    }

    /**
     * Publishes committed rows that are not marked published yet, oldest first, skipping rows a
     * running transaction is publishing itself.
     *
     * @return how many were published
     */
    public int republishPending() {
        List<Pending> rows =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT id, topic, properties FROM store_event "
                                                        + "WHERE published_at IS NULL ORDER BY id")
                                        .setMaxRows(BATCH)
                                        .map((rs, ctx) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3)))
                                        .list());
        List<Long> claimed = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        try {
            for (Pending row : rows) {
                if (!inFlight.add(row.id())) {
                    continue;
                }
                claimed.add(row.id());
                if (publish(row)) {
                    done.add(row.id());
                } else {
                    break; // no publisher: the rest waits too
                }
            }
            markPublished(done);
        } finally {
            claimed.forEach(inFlight::remove);
        }
        if (!done.isEmpty()) {
            LOG.info("Republished {} stored event(s)", done.size());
        }
        return done.size();
    }

    /** Deletes published rows older than {@code before}; returns how many. */
    public int purgePublished(Instant before) {
        return jdbi.withHandle(
                h ->
                        h.createUpdate("DELETE FROM store_event WHERE published_at IS NOT NULL "
                                        + "AND published_at < :before")
                                .bind("before", before)
                                .execute());
    }

    /** Hands the event to the publisher; true when it is done with (delivered, or unreadable and given up). */
    private boolean publish(Pending event) {
        Map<String, Object> properties;
        try {
            properties = json.readValue(event.json(), MAP);
        } catch (JsonProcessingException e) {
            LOG.error("Stored event {} has unreadable properties; marking it published", event.id());
            return true;
        }
        properties.put(Store.EVENT_ID, event.id());
        try {
            return publisher.publish(event.topic(), properties);
        } catch (RuntimeException e) {
            LOG.warn("Publishing event {} on {} failed; it will be retried: {}",
                    event.id(), event.topic(), e.toString());
            return false;
        }
    }

    private void markPublished(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try {
                jdbi.useHandle(
                        h ->
                                h.createUpdate(
                                                "UPDATE store_event SET published_at = CURRENT_TIMESTAMP "
                                                        + "WHERE id IN (<ids>) AND published_at IS NULL")
                                        .bindList("ids", chunk)
                                        .execute());
            } catch (RuntimeException e) {
                LOG.warn("Could not mark {} events published; they may be delivered again: {}", chunk.size(), e.toString());
            }
        }
    }
}

package org.rapport.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.store.Store;

/** Transactions, the outbox table and publishing, on a real H2 and a real PostgreSQL. */
class EventOutboxTest {

    static List<String> kinds() {
        return TestDb.kinds();
    }

    /** A publisher that records what it got; can be switched off (EventAdmin absent) or fail. */
    static final class RecordingPublisher implements EventOutbox.Publisher {
        record Published(String topic, Map<String, Object> properties) {}

        final List<Published> published = new CopyOnWriteArrayList<>();
        final AtomicBoolean available = new AtomicBoolean(true);
        final AtomicBoolean failing = new AtomicBoolean(false);

        @Override
        public boolean publish(String topic, Map<String, Object> properties) {
            if (failing.get()) {
                throw new IllegalStateException("broken listener");
            }
            if (!available.get()) {
                return false;
            }
            published.add(new Published(topic, properties));
            return true;
        }
    }

    private static final String TOPIC = "org/rapport/test/THING_CREATED";

    @ParameterizedTest
    @MethodSource("kinds")
    void aBatchOfEventsIsStoredAndPublishedInOrderWithTheirIds(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Fixture f = new Fixture(db);

            List<Long> ids = f.store.inTransaction(tx -> {
                long first = tx.emit(TOPIC, Map.of("name", "first"));
                List<Long> batch = tx.emitAll(TOPIC, List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c")));
                assertThat(batch).hasSize(3).allSatisfy(id -> assertThat(id).isGreaterThan(first));
                assertThat(tx.emitAll(TOPIC, List.of())).isEmpty();
                return batch;
            });

            assertThat(f.publisher.published).extracting(p -> p.properties().get("name")).containsExactly("first", "a", "b", "c");
            assertThat(f.publisher.published.subList(1, 4)).extracting(p -> p.properties().get(Store.EVENT_ID))
                    .containsExactlyElementsOf(ids);
            assertThat(ids).doesNotHaveDuplicates().isSorted();
            assertThat(f.rows()).isEqualTo(4);
            assertThat(f.unpublished()).isZero();

            // a bad topic records none of the batch, and the transaction rolls back
            assertThatThrownBy(() -> f.store.inTransaction(tx -> tx.emitAll("not a topic!", List.of(Map.of("name", "x")))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(f.rows()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void committedTransactionStoresAndPublishesOnce(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Fixture f = new Fixture(db);
            List<String> order = new ArrayList<>();

            long id = f.store.inTransaction(tx -> {
                tx.handle().execute("INSERT INTO ut_thing (name) VALUES ('acme')");
                tx.afterCommit(() -> order.add("after-commit"));
                long eventId = tx.emit(TOPIC, Map.of("name", "acme", "count", 3));
                assertThat(f.publisher.published).isEmpty(); // not before commit
                return eventId;
            });

            assertThat(f.publisher.published).hasSize(1);
            var event = f.publisher.published.get(0);
            assertThat(event.topic()).isEqualTo(TOPIC);
            assertThat(event.properties()).containsEntry("name", "acme")
                    .containsEntry(Store.EVENT_ID, id);
            assertThat(((Number) event.properties().get("count")).intValue()).isEqualTo(3);
            assertThat(order).containsExactly("after-commit");
            assertThat(f.rows()).isEqualTo(1);
            assertThat(f.unpublished()).isZero();
            assertThat(f.count("SELECT COUNT(*) FROM ut_thing")).isEqualTo(1);

            // nothing left to republish
            assertThat(f.outbox.republishPending()).isZero();
            assertThat(f.publisher.published).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void rolledBackTransactionEmitsNothing(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Fixture f = new Fixture(db);
            AtomicBoolean afterCommitRan = new AtomicBoolean();

            assertThatThrownBy(() -> f.store.inTransaction(tx -> {
                tx.handle().execute("INSERT INTO ut_thing (name) VALUES ('acme')");
                tx.emit(TOPIC, Map.of("name", "acme"));
                tx.afterCommit(() -> afterCommitRan.set(true));
                throw new IllegalStateException("business rule violated");
            })).isInstanceOf(IllegalStateException.class).hasMessage("business rule violated");

            assertThat(f.publisher.published).isEmpty();
            assertThat(afterCommitRan).isFalse();
            assertThat(f.rows()).isZero();
            assertThat(f.count("SELECT COUNT(*) FROM ut_thing")).isZero();
            assertThat(f.outbox.republishPending()).isZero();
            assertThat(f.publisher.published).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void checkedExceptionRollsBackAndPropagates(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Fixture f = new Fixture(db);
            class Refused extends Exception {}

            assertThatThrownBy(() -> f.store.<Void, Refused>inTransaction(tx -> {
                tx.emit(TOPIC, Map.of());
                throw new Refused();
            })).isInstanceOf(Refused.class);
            assertThat(f.rows()).isZero();
            assertThat(f.publisher.published).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eventsWaitWithoutPublisherAndAreRepublished(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Fixture f = new Fixture(db);
            f.publisher.available.set(false); // EventAdmin absent

            long first = f.store.inTransaction(tx -> tx.emit(TOPIC, Map.of("n", 1)));
            long second = f.store.inTransaction(tx -> tx.emit(TOPIC, Map.of("n", 2)));
            assertThat(f.publisher.published).isEmpty();
            assertThat(f.unpublished()).isEqualTo(2);
            assertThat(f.outbox.republishPending()).isZero(); // still absent

            f.publisher.available.set(true);
            assertThat(f.outbox.republishPending()).isEqualTo(2);
            assertThat(f.publisher.published).extracting(p -> p.properties().get(Store.EVENT_ID))
                    .containsExactly(first, second); // oldest first
            assertThat(f.unpublished()).isZero();

            assertThat(f.outbox.republishPending()).isZero();
            assertThat(f.publisher.published).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void failingPublisherLeavesRowForRetry(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Fixture f = new Fixture(db);
            f.publisher.failing.set(true);

            String result = f.store.inTransaction(tx -> {
                tx.emit(TOPIC, Map.of("k", "v"));
                return "done"; // the transaction itself still commits
            });
            assertThat(result).isEqualTo("done");
            assertThat(f.rows()).isEqualTo(1);
            assertThat(f.unpublished()).isEqualTo(1);

            f.publisher.failing.set(false);
            assertThat(f.outbox.republishPending()).isEqualTo(1);
            assertThat(f.publisher.published).hasSize(1);
            assertThat(f.unpublished()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void invalidTopicIsRejectedInTheTransaction(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Fixture f = new Fixture(db);
            assertThatThrownBy(() -> f.store.inTransaction(tx -> {
                tx.handle().execute("INSERT INTO ut_thing (name) VALUES ('acme')");
                return tx.emit("not a topic!", Map.of());
            })).isInstanceOf(IllegalArgumentException.class);
            assertThat(f.count("SELECT COUNT(*) FROM ut_thing")).isZero();
            assertThat(f.rows()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void purgeDeletesOnlyOldPublishedRows(String kind) throws Exception {
        try (TestDb db = TestDb.open(kind)) {
            Fixture f = new Fixture(db);
            f.store.inTransaction(tx -> tx.emit(TOPIC, Map.of()));
            f.publisher.available.set(false);
            f.store.inTransaction(tx -> tx.emit(TOPIC, Map.of()));

            assertThat(f.outbox.purgePublished(Instant.now().minusSeconds(3600))).isZero();
            assertThat(f.outbox.purgePublished(Instant.now().plusSeconds(3600))).isEqualTo(1);
            assertThat(f.rows()).isEqualTo(1);
            assertThat(f.unpublished()).isEqualTo(1);
        }
    }

    /** Store tables migrated, a business table, a Store on a recording publisher. */
    private static final class Fixture {
        final Jdbi jdbi;
        final RecordingPublisher publisher = new RecordingPublisher();
        final EventOutbox outbox;
        final StoreImpl store;

        Fixture(TestDb db) {
            db.migrateStoreTables();
            jdbi = db.jdbi();
            jdbi.useHandle(h -> h.execute(
                    "CREATE TABLE ut_thing (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                            + "name VARCHAR(100))"));
            outbox = new EventOutbox(jdbi, publisher);
            store = new StoreImpl(jdbi, outbox);
        }

        int count(String sql) {
            return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
        }

        int rows() {
            return count("SELECT COUNT(*) FROM store_event");
        }

        int unpublished() {
            return count("SELECT COUNT(*) FROM store_event WHERE published_at IS NULL");
        }
    }
}

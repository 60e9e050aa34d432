package org.rapport.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Constants;
import org.rapport.conversations.ConversationEvents;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.channel.ChannelAdapter;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.testing.MutableClock;
import org.rapport.testing.TestDb;

/** Withdrawing queued messages and requeueing them: pending and deferred only, never a row being sent; on H2 and PostgreSQL. */
class WithdrawTest {
    private World world;
    private MutableClock clock;
    private final List<Dispatcher> dispatchers = new ArrayList<>();

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private void open(String kind) throws Exception {
        clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
        world = new World(kind, clock);
        Instant quietUntil = Instant.parse("2026-12-05T12:00:00Z");
        world.gate.rule = q -> q.reference().startsWith("outbox:d") && clock.instant().isBefore(quietUntil) ? world.gate.defer(quietUntil)
                : world.gate.allow();
    }

    private Dispatcher dispatcher(FakeAdapter adapter, String channel) {
        Settings s = Settings.defaults();
        Dispatcher d = new Dispatcher(world.db.store(), new Settings(s.reopenWindow(), s.maxTextChars(), 4, 50, 3, s.lease(), Map.of(), "n1"),
                clock, false);
        d.setGate(world.gate);
        d.addAdapter(adapter, Map.of(ChannelAdapter.CHANNEL, channel, ChannelAdapter.ACCOUNT, "", Constants.SERVICE_RANKING, 0,
                Constants.SERVICE_ID, (long) dispatchers.size() + 1));
        dispatchers.add(d);
        return d;
    }

    @AfterEach
    void close() throws Exception {
        for (Dispatcher d : dispatchers) {
            d.deactivate();
        }
        if (world != null) {
            world.close();
        }
    }

    private SendOutcome send(String key, String channel) {
        long contact = channel.equals("sms") ? world.zhang.id() : world.smith.id();
        return world.service.send(new Outgoing(contact, channel, "care", "Notice", "Text of " + key, null, "test", key));
    }

    private static void drain(Dispatcher d) throws InterruptedException {
        for (int pass = 0; pass < 100 && d.passOnce() > 0; pass++) {
            // until nothing is due
        }
    }

    private String outboxState(String key) {
        return world.db.jdbi().withHandle(h -> h.createQuery("SELECT state FROM conv_outbox WHERE idempotency_key = :k").bind("k", key)
                .mapTo(String.class).one());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pendingAndDeferredAreWithdrawn_sendingAndSentAreNot_andTheDispatcherNeverSendsThem(String kind) throws Exception {
        open(kind);
        FakeAdapter email = new FakeAdapter();
        Dispatcher d = dispatcher(email, "email");
        send("s0", "email");
        drain(d); // s0 sent
        SendOutcome p0 = send("p0", "email");
        assertThat(send("d0", "email").status()).isEqualTo("deferred"); // quiet hours until 12:00
        send("c0", "sms");
        // c0 is being sent: another node claimed it
        world.db.store().inTransaction(tx -> OutboxRepository.claim(tx.handle(), List.of("sms"), true, "other-node", clock.instant(),
                clock.instant().plusSeconds(60), 10));
        world.db.clearEvents();

        List<String> withdrawn = world.service.withdraw(List.of("s0", "p0", "d0", "c0", "never-sent"));

        assertThat(withdrawn).containsExactlyInAnyOrder("p0", "d0");
        assertThat(outboxState("s0")).isEqualTo("sent");
        assertThat(outboxState("c0")).isEqualTo("sending");
        assertThat(world.service.outboxCounts()).containsEntry("withdrawn", 2L).containsEntry("sent", 1L).containsEntry("sending", 1L)
                .containsEntry("pending", 0L).containsEntry("deferred", 0L);
        assertThat(world.service.statuses(List.of("s0", "p0", "d0", "c0", "never-sent"))).containsEntry("s0", "sent")
                .containsEntry("p0", "withdrawn").containsEntry("d0", "withdrawn").containsEntry("c0", "queued").doesNotContainKey("never-sent");
        assertThat(world.service.messages(p0.conversationId())).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo("withdrawn");
            assertThat(m.statusDetail()).isEqualTo(Withdrawals.DETAIL);
        });
        assertThat(world.db.events()).filteredOn(e -> e.topic().equals(ConversationEvents.MESSAGE_STATUS))
                .extracting(e -> e.properties().get(ConversationEvents.KEY) + "=" + e.properties().get(ConversationEvents.STATUS))
                .containsExactlyInAnyOrder("p0=withdrawn", "d0=withdrawn");
        assertThat(world.service.withdraw(List.of("p0", "d0"))).isEmpty(); // once

        clock.advance(Duration.ofHours(5)); // quiet hours over
        drain(d);
        assertThat(email.perKey).containsOnlyKeys("s0");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void requeuedMessagesAreCheckedAgainAndSentOnce(String kind) throws Exception {
        open(kind);
        FakeAdapter email = new FakeAdapter();
        Dispatcher d = dispatcher(email, "email");
        send("p1", "email");
        send("d1", "email");
        send("p2", "email");
        assertThat(world.service.withdraw(List.of("p1", "d1", "p2"))).hasSize(3);
        assertThat(world.service.requeue(List.of("p1", "d1"))).containsExactlyInAnyOrder("p1", "d1");
        assertThat(world.service.requeue(List.of("p1"))).isEmpty(); // not withdrawn any more
        world.gate.asked.clear();
        drain(d);
        assertThat(email.perKey).containsOnlyKeys("p1"); // d1 is in quiet hours again (the gate was asked again), p2 stays withdrawn
        assertThat(world.gate.asked).extracting(q -> q.reference()).contains("outbox:p1", "outbox:d1");
        assertThat(world.service.statuses(List.of("p1", "d1", "p2"))).containsEntry("p1", "sent").containsEntry("d1", "deferred")
                .containsEntry("p2", "withdrawn");
        clock.advance(Duration.ofHours(5));
        drain(d);
        drain(d);
        assertThat(email.perKey).containsOnlyKeys("p1", "d1");
        assertThat(email.perKey.values()).containsOnly(1);
        assertThat(world.service.requeue(List.of("p1", "d1"))).isEmpty(); // sent messages are not requeued
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void byPrefix_onlyKeysStartingWithItWildcardsIncluded(String kind) throws Exception {
        open(kind);
        for (String key : List.of("campaign:1:run:1:contact:5", "campaign:1:run:1:contact:5:step:1", "campaign:1:run:10:contact:5",
                "campaign:1:run:1X:contact:5", "campaign:11:run:1:contact:5")) {
            send(key, "email");
        }
        assertThat(world.service.withdrawByPrefix("campaign:1:run:1:")).containsExactlyInAnyOrder("campaign:1:run:1:contact:5",
                "campaign:1:run:1:contact:5:step:1");
        assertThat(world.service.withdrawByPrefix("campaign:1:run:1_")).isEmpty(); // '_' is not a wildcard
        assertThat(world.service.withdrawByPrefix("campaign:1%")).isEmpty(); // nor '%'
        assertThat(world.service.requeueByPrefix("campaign:1:run:1:contact:5:")).containsExactly("campaign:1:run:1:contact:5:step:1");
        assertThat(world.service.outboxCounts()).containsEntry("withdrawn", 1L).containsEntry("pending", 4L);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void badArgumentsAreRefused(String kind) throws Exception {
        open(kind);
        assertThatThrownBy(() -> world.service.withdrawByPrefix("camp")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> world.service.withdrawByPrefix(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.service.requeueByPrefix("        ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> world.service.withdraw(null)).isInstanceOf(IllegalArgumentException.class);
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= org.rapport.conversations.Messenger.MAX_KEYS; i++) {
            many.add("k" + i);
        }
        assertThatThrownBy(() -> world.service.statuses(many)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
        assertThat(world.service.withdraw(List.of())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRowBeingClaimedIsNotWithdrawn_theWithdrawWaitsForTheClaim(String kind) throws Exception {
        open(kind);
        send("r0", "email");
        send("r1", "email");
        CountDownLatch claimed = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<OutboxRow>> claim = pool.submit(() -> world.db.store().inTransaction(tx -> {
                List<OutboxRow> rows = OutboxRepository.claim(tx.handle(), List.of("email"), true, "n2", clock.instant(),
                        clock.instant().plusSeconds(60), 1); // r0 only: locked, not committed yet
                claimed.countDown();
                Thread.sleep(700);
                return rows;
            }));
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
            Future<List<String>> withdraw = pool.submit(() -> world.service.withdraw(List.of("r0", "r1")));
            assertThat(claim.get(10, TimeUnit.SECONDS)).extracting(OutboxRow::key).containsExactly("r0");
            assertThat(withdraw.get(10, TimeUnit.SECONDS)).containsExactly("r1");
        } finally {
            pool.shutdown();
        }
        assertThat(outboxState("r0")).isEqualTo("sending");
        assertThat(outboxState("r1")).isEqualTo("withdrawn");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withdrawingWhileTwoDispatchersDrain_eachMessageIsSentOrWithdrawnNeverBoth(String kind) throws Exception {
        open(kind);
        List<String> keys = new ArrayList<>();
        List<Outgoing> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add("x" + i);
            batch.add(new Outgoing(world.smith.id(), "email", "care", "Notice", "Text " + i, null, "test", "x" + i));
        }
        world.service.sendAll(batch);
        FakeAdapter adapter = new FakeAdapter();
        Dispatcher a = dispatcher(adapter, "email");
        Dispatcher b = dispatcher(adapter, "email");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> withdrawn = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Dispatcher d : List.of(a, b)) {
                done.add(pool.submit(() -> {
                    drain(d);
                    return null;
                }));
            }
            done.add(pool.submit(() -> {
                for (int i = keys.size() - 10; i >= 0; i -= 10) { // from the back, where the dispatchers arrive last
                    withdrawn.addAll(world.service.withdraw(keys.subList(i, i + 10)));
                }
                return null;
            }));
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(withdrawn).isNotEmpty();
        for (String key : keys) {
            int sent = adapter.perKey.getOrDefault(key, 0);
            boolean isWithdrawn = withdrawn.contains(key);
            assertThat(sent + (isWithdrawn ? 1 : 0)).as(key).isEqualTo(1);
            assertThat(outboxState(key)).as(key).isEqualTo(isWithdrawn ? "withdrawn" : "sent");
        }
    }
}

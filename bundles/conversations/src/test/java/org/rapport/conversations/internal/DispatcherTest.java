package org.rapport.conversations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Constants;
import org.rapport.conversations.Message;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.channel.ChannelAdapter;
import org.rapport.conversations.channel.DeliveryReport;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.Received;
import org.rapport.conversations.channel.SendResult;
import org.rapport.testing.MutableClock;
import org.rapport.testing.TestDb;

/** The outbox drained to adapters: exactly once, retries, waiting for adapters and the gate; on H2 and PostgreSQL. */
class DispatcherTest {
    private World world;
    private MutableClock clock;
    private final List<Dispatcher> dispatchers = new ArrayList<>();

    static List<String> kinds() {
        return TestDb.kinds();
    }

    private void open(String kind) throws Exception {
        clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
        world = new World(kind, clock);
    }

    private Dispatcher dispatcher(String node) {
        return dispatcher(node, false);
    }

    /** A dispatcher of {@code node}; {@code running}: with its own loop thread, else driven by {@code passOnce}. */
    private Dispatcher dispatcher(String node, boolean running) {
        Settings s = Settings.defaults();
        Dispatcher d = new Dispatcher(world.db.store(), new Settings(s.reopenWindow(), s.maxTextChars(), 4, 50, 3, s.lease(), Map.of(), node),
                clock, running);
        d.setGate(world.gate);
        dispatchers.add(d);
        return d;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoRunningLoopsSendEachMessageOnce(String kind) throws Exception {
        open(kind);
        world.service.sendAll(batch("loop", 600));
        FakeAdapter adapter = new FakeAdapter();
        Dispatcher a = dispatcher("node-a", true);
        Dispatcher b = dispatcher("node-b", true);
        a.addAdapter(adapter, props("email", "", 0, 1L));
        b.addAdapter(adapter, props("email", "", 0, 2L));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (world.service.outboxCounts().getOrDefault("sent", 0L) < 600 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Map<String, Long> counts = world.service.outboxCounts();
        assertThat(counts.get("sent")).isEqualTo(600L);
        assertThat(counts.getOrDefault("sending", 0L) + counts.getOrDefault("pending", 0L)).isZero();
        assertThat(adapter.perKey).hasSize(600);
        assertThat(adapter.perKey.values()).containsOnly(1);
    }

    private static Map<String, Object> props(String channel, String account, int ranking, long id) {
        return Map.of(ChannelAdapter.CHANNEL, channel, ChannelAdapter.ACCOUNT, account, Constants.SERVICE_RANKING, ranking,
                Constants.SERVICE_ID, id);
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

    private List<Outgoing> batch(String prefix, int n) {
        List<Outgoing> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Outgoing(world.smith.id(), "email", "service", "Notice " + i, "Text " + i, null, "test", prefix + i));
        }
        return out;
    }

    private static void drain(Dispatcher d) throws InterruptedException {
        while (d.passOnce() > 0) {
            // until nothing is due
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void messagesWaitWithoutAnAdapter_andGoOnceItComes(String kind) throws Exception {
        open(kind);
        Dispatcher d = dispatcher("n1");
        world.service.sendAll(batch("k", 120));
        assertThat(d.passOnce()).isZero(); // no adapter: nothing is even claimed
        FakeAdapter adapter = new FakeAdapter();
        d.addAdapter(adapter, props("email", "", 0, 1L));
        drain(d);
        assertThat(adapter.sent).hasSize(120);
        assertThat(adapter.perKey.values()).containsOnly(1);
        assertThat(world.service.outboxCounts()).containsEntry("sent", 120L).containsEntry("pending", 0L);
        OutboundMessage m = adapter.sent.get(0);
        assertThat(m.to()).isEqualTo("john.smith@acme.com");
        assertThat(m.subject()).startsWith("Notice");
        assertThat(world.service.statuses(List.of("k0"))).containsEntry("k0", "sent");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoNodesDrainingOneOutboxSendEachMessageOnce(String kind) throws Exception {
        open(kind);
        world.service.sendAll(batch("p", 400));
        FakeAdapter adapter = new FakeAdapter();
        Dispatcher a = dispatcher("node-a");
        Dispatcher b = dispatcher("node-b");
        a.addAdapter(adapter, props("email", "", 0, 1L));
        b.addAdapter(adapter, props("email", "", 0, 2L));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (Dispatcher d : List.of(a, b)) {
                done.add(pool.submit(() -> {
                    int n = 0;
                    int handled;
                    while ((handled = d.passOnce()) > 0) {
                        n += handled;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            assertThat(total).isEqualTo(400);
        } finally {
            pool.shutdown();
        }
        assertThat(adapter.perKey).hasSize(400);
        assertThat(adapter.perKey.values()).containsOnly(1);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void transientFailuresAreRetriedWithBackoff_permanentOnesFail(String kind) throws Exception {
        open(kind);
        Dispatcher d = dispatcher("n1");
        FakeAdapter adapter = new FakeAdapter();
        adapter.rule = m -> m.subject().equals("Notice 1") ? SendResult.failed("550 no such user")
                : SendResult.retry("421 try later", null);
        d.addAdapter(adapter, props("email", "", 0, 1L));
        world.service.sendAll(batch("r", 2));
        d.passOnce();
        assertThat(world.service.statuses(List.of("r0", "r1"))).containsEntry("r0", "queued").containsEntry("r1", "failed");
        assertThat(d.passOnce()).isZero(); // r0 is not due yet
        clock.advance(Duration.ofSeconds(6));
        d.passOnce(); // second attempt, backoff doubles
        clock.advance(Duration.ofSeconds(6));
        assertThat(d.passOnce()).isZero();
        clock.advance(Duration.ofSeconds(10));
        d.passOnce(); // third attempt: the last allowed
        assertThat(world.service.statuses(List.of("r0"))).containsEntry("r0", "failed");
        assertThat(world.service.outboxCounts()).containsEntry("failed", 2L);
        adapter.rule = m -> {
            throw new IllegalStateException("adapter crashed");
        };
        world.service.sendAll(batch("x", 1));
        d.passOnce();
        assertThat(world.service.statuses(List.of("x0"))).containsEntry("x0", "queued");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void withoutTheGateHeldMessagesWait_andAreCheckedWhenItReturns(String kind) throws Exception {
        open(kind);
        world.service.unsetGate(world.gate);
        Dispatcher d = dispatcher("n1");
        d.unsetGate(world.gate);
        FakeAdapter adapter = new FakeAdapter();
        d.addAdapter(adapter, props("email", "", 0, 1L));
        world.service.sendAll(batch("h", 3));
        assertThat(d.passOnce()).isZero();
        world.gate.rule = q -> q.reference().endsWith("h1") ? world.gate.deny("opted_out")
                : q.reference().endsWith("h2") ? world.gate.defer(Instant.parse("2026-12-05T09:00:00Z")) : world.gate.allow();
        d.setGate(world.gate);
        drain(d);
        assertThat(adapter.sent).extracting(OutboundMessage::idempotencyKey).containsExactly("h0");
        assertThat(world.service.statuses(List.of("h0", "h1", "h2"))).containsEntry("h0", "sent").containsEntry("h1", "blocked")
                .containsEntry("h2", "deferred");
        clock.advance(Duration.ofHours(1));
        world.gate.rule = q -> world.gate.allow();
        drain(d);
        assertThat(adapter.sent).extracting(OutboundMessage::idempotencyKey).containsExactly("h0", "h2");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void repliesCarryTheThread_andDeliveryReportsComeBack(String kind) throws Exception {
        open(kind);
        Dispatcher d = dispatcher("n1");
        FakeAdapter adapter = new FakeAdapter();
        FakeAdapter other = new FakeAdapter();
        d.addAdapter(adapter, props("email", "support", 10, 1L));
        d.addAdapter(other, props("email", "sales", 0, 2L));
        Received r = world.service.receive(new InboundMessage("email", "support", "<q1@acme.com>", "john.smith@acme.com", "John",
                "Fees", "What are your fees?", null, List.of(), null, null, List.of(), Map.of()));
        drain(d);
        OutboundMessage answer = adapter.sent.get(0);
        assertThat(other.sent).isEmpty();
        assertThat(answer.inReplyTo()).isEqualTo("<q1@acme.com>");
        assertThat(answer.references()).containsExactly("<q1@acme.com>");
        assertThat(answer.subject()).isEqualTo("Re: Fees");
        assertThat(answer.account()).isEqualTo("support");

        // the client answers our answer: threaded by our Message-ID
        Received reply = world.service.receive(new InboundMessage("email", "support", "<q2@acme.com>", "john.smith@acme.com", "John",
                "Re: Fees", "Thanks", null, List.of("<" + answer.idempotencyKey() + "@test>"), null, null, List.of(), Map.of()));
        assertThat(reply.conversationId()).isEqualTo(r.conversationId());

        world.service.delivery(new DeliveryReport("email", null, "<" + answer.idempotencyKey() + "@test>", DeliveryReport.Status.BOUNCED,
                "550 5.1.1 user unknown", null));
        assertThat(world.service.messages(r.conversationId())).filteredOn(m -> m.id() == answer.messageId()).singleElement()
                .extracting(Message::status).isEqualTo("bounced");
        world.service.delivery(new DeliveryReport("email", "nope", null, DeliveryReport.Status.DELIVERED, null, null)); // unknown: ignored
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aReplyToAMessageSentWithoutAnAccountThreadsIntoItsConversation(String kind) throws Exception {
        open(kind);
        Dispatcher d = dispatcher("n1");
        FakeAdapter adapter = new FakeAdapter();
        d.addAdapter(adapter, props("email", "support", 10, 1L));
        world.service.sendAll(batch("c", 1)); // like a campaign: no account named
        drain(d);
        OutboundMessage sent = adapter.sent.get(0);
        assertThat(sent.account()).isNullOrEmpty();

        // the reply comes back through the mailbox that reads replies
        Received reply = world.service.receive(new InboundMessage("email", "support", "<r1@acme.com>", "john.smith@acme.com", "John",
                "Re: Notice 0", "Thanks, noted", null, List.of("<" + sent.idempotencyKey() + "@test>"), null, null, List.of(), Map.of()));
        assertThat(reply.conversationId()).isEqualTo(sent.conversationId());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aReadReceiptThatRacesAheadOfTheDispatcherIsNotOverwrittenBySent(String kind) throws Exception {
        open(kind);
        Dispatcher d = dispatcher("n1");
        FakeAdapter chat = new FakeAdapter();
        chat.rule = m -> { // a chat browser acknowledges and reads before the dispatcher records the send
            world.service.delivery(new DeliveryReport("webchat", m.idempotencyKey(), null, DeliveryReport.Status.READ, null, null));
            return SendResult.sent("chat-" + m.idempotencyKey());
        };
        d.addAdapter(chat, props("webchat", "", 0, 1L));
        Received r = world.service.receive(new InboundMessage("webchat", "", "c1", "wc-session-1", null, null, "Hello", null, List.of(),
                null, null, List.of(), Map.of()));
        drain(d);
        assertThat(chat.sent).hasSize(1);
        assertThat(world.service.messages(r.conversationId())).filteredOn(m -> m.id() == chat.sent.get(0).messageId()).singleElement()
                .extracting(Message::status).isEqualTo("read");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aCrashedSendersClaimIsTakenOverWhenItsLeaseRunsOut(String kind) throws Exception {
        open(kind);
        Dispatcher crashed = dispatcher("dead-node");
        FakeAdapter hanging = new FakeAdapter();
        hanging.rule = m -> {
            throw new Error("node died mid-send");
        };
        world.service.sendAll(batch("l", 2));
        crashed.addAdapter(hanging, props("email", "", 0, 1L));
        // simulate a node dying after claiming: claim, never finish
        world.db.store().inTransaction(tx -> OutboxRepository.claim(tx.handle(), List.of("email"), true, "dead-node", clock.instant(),
                clock.instant().plusSeconds(60), 10));
        Dispatcher alive = dispatcher("alive-node");
        FakeAdapter adapter = new FakeAdapter();
        alive.addAdapter(adapter, props("email", "", 0, 2L));
        assertThat(alive.passOnce()).isZero();
        clock.advance(Duration.ofSeconds(61));
        drain(alive);
        assertThat(adapter.perKey).containsOnlyKeys("l0", "l1");
        dispatchers.remove(crashed);
    }
}

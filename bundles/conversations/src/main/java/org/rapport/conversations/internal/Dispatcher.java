package org.rapport.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.rapport.compliance.ComplianceGate;
import org.rapport.compliance.Consents;
import org.rapport.compliance.GateDecision;
import org.rapport.conversations.ConversationEvents;
import org.rapport.conversations.channel.ChannelAdapter;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.SendResult;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox to the channel adapters: claims due rows (a lease, {@code SKIP LOCKED}),
 * re-checks with the compliance gate those that must be, sends each through its channel's adapter
 * within the channel's rate limit, and records the result — sent, retried later with backoff, or
 * failed. Messages of a channel without an adapter, or that need the gate while there is none,
 * stay in the outbox until one comes.
 */
@Component(service = Dispatcher.class, configurationPid = ConversationsConfig.PID)
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final long IDLE_MILLIS = 500;

    private final Store store;
    private final Settings settings;
    private final Clock clock;
    private final Adapters adapters = new Adapters(this::wake);
    private final Gatekeeper gate = new Gatekeeper();
    private final Peers peers = new Peers();
    private final RateLimiter rates;
    private final ExecutorService senders;
    private final Thread loop;
    private final Object signal = new Object();
    private final AtomicInteger inFlight = new AtomicInteger();
    private static final long FULL_CLAIM_NANOS = 1_000_000_000L;
    private long lastFullClaim = System.nanoTime() - FULL_CLAIM_NANOS;
    private volatile boolean woken;
    private volatile boolean running = true;

    @Activate
    public Dispatcher(@Reference Store store,
            @Reference(target = "(" + SchemaReady.BUNDLE + "=org.rapport.conversations)") SchemaReady schema,
            ConversationsConfig config) {
        this(store, Settings.of(config), Clock.systemUTC(), true);
    }

    Dispatcher(Store store, Settings settings, Clock clock, boolean start) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.rates = new RateLimiter(settings.rateLimits());
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(settings.dispatcherThreads(), r -> new Thread(r, "rapport-sender-" + n.incrementAndGet()));
        this.loop = new Thread(this::run, "rapport-dispatcher");
        this.loop.setDaemon(true);
        if (start) {
            loop.start();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        wake();
        loop.join(10_000);
        senders.shutdown();
        if (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
            senders.shutdownNow();
        }
        releaseClaims();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAdapter(ChannelAdapter adapter, Map<String, Object> properties) {
        adapters.add(adapter, properties);
    }

    void removeAdapter(ChannelAdapter adapter) {
        adapters.remove(adapter);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setGate(ComplianceGate g) {
        gate.bind(g);
        wake();
    }

    void unsetGate(ComplianceGate g) {
        gate.unbind(g);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setConsents(Consents c) {
        peers.consents(c);
    }

    void unsetConsents(Consents c) {
        peers.noConsents(c);
    }

    /** New work: claim now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            int done = 0;
            try {
                done = passOnce();
            } catch (RuntimeException e) {
                LOG.warn("Outbox pass failed, trying again shortly: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (done == 0) {
                synchronized (signal) {
                    if (!woken && running) {
                        try {
                            signal.wait(IDLE_MILLIS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    woken = false;
                }
            }
        }
    }

    /** Claims one batch and sends it; returns how many rows it handled. */
    int passOnce() throws InterruptedException {
        java.util.Set<String> channels = adapters.channels();
        if (channels.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        // due deferred rows and expired leases are looked for at least once a second, and whenever pending rows do not fill a pass
        boolean everyState = System.nanoTime() - lastFullClaim >= FULL_CLAIM_NANOS;
        List<OutboxRow> claimed = store.inTransaction(tx -> OutboxRepository.claim(tx.handle(), channels, gate.available(),
                settings.nodeName(), now, now.plus(settings.lease()), settings.claimBatch(), everyState));
        if (everyState) {
            lastFullClaim = System.nanoTime();
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        Batch batch = read(claimed);
        List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>(claimed.size()));
        List<Future<?>> futures = new ArrayList<>(claimed.size());
        for (OutboxRow row : claimed) {
            futures.add(senders.submit(() -> deliverSafely(row, batch, sent)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("Sending failed unexpectedly: {}", e.getCause().toString());
            }
        }
        recordSent(sent);
        return claimed.size();
    }

    /**
     * What a pass's messages need, read for the whole batch at once: the messages, their
     * conversations, and which conversations have channel ids to thread to (only theirs are read per message).
     */
    private record Batch(Map<Long, MessageRow> messages, Map<Long, ConversationRow> conversations, java.util.Set<Long> threaded) {}

    private Batch read(List<OutboxRow> claimed) {
        return store.jdbi().withHandle(h -> {
            Map<Long, MessageRow> messages = ConversationRepository.messagesById(h, claimed.stream().map(OutboxRow::messageId).toList());
            List<Long> conversationIds = messages.values().stream().map(MessageRow::conversationId).distinct().toList();
            return new Batch(messages, ConversationRepository.conversationsById(h, conversationIds),
                    ConversationRepository.withExternalRefs(h, conversationIds));
        });
    }

    /** A message the adapter took, waiting to be recorded with the others of its pass. */
    private record Sent(OutboxRow row, MessageRow message, ConversationRow conversation, String externalId) {}

    /**
     * Records the pass's sent messages in one transaction (one commit for the batch rather than one
     * per message). Should the node die before it, the rows are claimed again when their lease
     * runs out and handed over again with the same key — which the adapters pass on (an email's
     * Message-ID is derived from it), so the receiving side can tell a repeat.
     */
    private void recordSent(List<Sent> sent) {
        if (sent.isEmpty()) {
            return;
        }
        try {
            store.inTransaction(tx -> {
                sentIn(tx, sent);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Recording {} sent messages together failed ({}); recording them one by one", sent.size(), e.toString());
            for (Sent s : sent) {
                try {
                    store.inTransaction(tx -> {
                        sentIn(tx, List.of(s));
                        return null;
                    });
                } catch (RuntimeException again) {
                    LOG.warn("Outbox row {} stays claimed until its lease runs out: {}", s.row().id(), again.toString());
                }
            }
        }
    }

    private void deliverSafely(OutboxRow row, Batch batch, List<Sent> sent) {
        inFlight.incrementAndGet();
        try {
            deliver(row, batch, sent);
        } catch (RuntimeException e) {
            LOG.warn("Outbox row {} could not be handled, it is retried: {}", row.id(), e.toString());
            try {
                store.inTransaction(tx -> {
                    OutboxRepository.again(tx.handle(), row.id(), OutboxRow.PENDING, backoff(row, null), e.toString(), row.recheck(), true);
                    return null;
                });
            } catch (RuntimeException again) {
                LOG.warn("Outbox row {} stays claimed until its lease runs out: {}", row.id(), again.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void deliver(OutboxRow row, Batch batch, List<Sent> sent) throws InterruptedException {
        MessageRow message = batch.messages().get(row.messageId());
        ConversationRow conversation = message == null ? null : batch.conversations().get(message.conversationId());
        if (conversation == null) {
            throw new IllegalStateException("message " + row.messageId() + " or its conversation is gone");
        }
        boolean recheck = row.recheck();
        if (recheck) {
            String content = message.subject() == null ? message.body() : message.subject() + "\n" + message.body();
            Optional<GateDecision> decision = gate.check(conversation.contactId(), conversation.channel(), conversation.address(),
                    message.purpose(), content, message.replyToClient(),
                    null, row.key());
            if (decision.isEmpty()) {
                putBack(row, OutboxRow.PENDING, clock.instant().plusSeconds(5), "waiting for the compliance check", true);
                return;
            }
            Outcome outcome = Outcome.of(decision, clock.instant());
            if (!outcome.stored()) {
                finish(row, message, conversation, OutboxRow.BLOCKED, "blocked", outcome.detail());
                return;
            }
            if (OutboxRow.DEFERRED.equals(outcome.outboxState())) {
                store.inTransaction(tx -> {
                    OutboxRepository.again(tx.handle(), row.id(), OutboxRow.DEFERRED, outcome.dueAt(), outcome.detail(), true, false);
                    ConversationRepository.setMessageStatus(tx.handle(), message.id(), "deferred", outcome.detail());
                    return null;
                });
                return;
            }
        }
        Optional<ChannelAdapter> adapter = adapters.pick(row.channel(), row.account());
        if (adapter.isEmpty()) {
            putBack(row, OutboxRow.PENDING, clock.instant().plusSeconds(1), "no " + row.channel() + " adapter running", false);
            return;
        }
        rates.acquire(row.channel());
        OutboundMessage outbound = outbound(row, message, conversation, batch.threaded().contains(conversation.id()));
        SendResult result;
        try {
            result = adapter.get().send(outbound);
        } catch (RuntimeException e) {
            result = SendResult.retry(e.toString(), null);
        }
        if (result == null) {
            result = SendResult.retry("the adapter answered nothing", null);
        }
        switch (result.status()) {
            case SENT -> sent.add(new Sent(row, message, conversation, result.externalId()));
            case FAILED -> finish(row, message, conversation, OutboxRow.FAILED, "failed", result.detail());
            case RETRY -> {
                if (row.attempts() >= settings.maxAttempts()) {
                    finish(row, message, conversation, OutboxRow.FAILED, "failed",
                            "gave up after " + row.attempts() + " attempts: " + result.detail());
                } else {
                    String detail = result.detail();
                    Instant due = backoff(row, result.retryAfter());
                    store.inTransaction(tx -> {
                        OutboxRepository.again(tx.handle(), row.id(), OutboxRow.PENDING, due, detail, false, true);
                        return null;
                    });
                }
            }
        }
    }

    private OutboundMessage outbound(OutboxRow row, MessageRow message, ConversationRow conversation, boolean threaded) {
        List<String> references = threaded ? store.jdbi().withHandle(h -> ConversationRepository.externalIds(h, conversation.id(), 20)) : List.of();
        String inReplyTo = threaded ? store.jdbi().withHandle(h -> ConversationRepository.lastInboundExternalId(h, conversation.id())).orElse(null)
                : null;
        Map<String, String> headers = peers.unsubscribeHeaders(conversation.channel(), conversation.contactId(), message.purpose());
        return new OutboundMessage(message.id(), row.key(), conversation.id(), conversation.contactId(), conversation.channel(),
                conversation.account(), conversation.address(), conversation.name(), message.subject(), message.body(), message.html(),
                conversation.language(), message.purpose(), inReplyTo, references, headers);
    }

    /** Records sent messages: a few batched statements for all of them, and an event each. */
    private void sentIn(org.rapport.store.Tx tx, List<Sent> sent) {
        Map<Long, String> externalIds = new java.util.HashMap<>();
        List<ConversationRepository.NewRef> refs = new ArrayList<>();
        for (Sent s : sent) {
            externalIds.put(s.row().id(), s.externalId());
            // an internal message to staff keeps no channel id: a reply to it must not thread into anything
            if (s.externalId() != null && !s.externalId().isBlank() && !StaffMessages.INTERNAL.equals(s.conversation().status())) {
                refs.add(new ConversationRepository.NewRef(s.conversation().channel(), s.conversation().account(), Sql.cut(s.externalId(), 500),
                        s.message().id(), s.conversation().id()));
            }
        }
        OutboxRepository.sent(tx.handle(), externalIds, clock.instant());
        ConversationRepository.setSent(tx.handle(), sent.stream().map(s -> s.message().id()).toList());
        ConversationRepository.addExternalRefs(tx.handle(), refs);
        tx.emitAll(ConversationEvents.MESSAGE_STATUS, sent.stream().map(s -> statusEvent(s.row(), s.message(), s.conversation(), "sent")).toList());
    }

    private void finish(OutboxRow row, MessageRow message, ConversationRow conversation, String state, String status, String detail) {
        store.inTransaction(tx -> {
            OutboxRepository.finished(tx.handle(), row.id(), state, detail);
            ConversationRepository.setMessageStatus(tx.handle(), message.id(), status, detail);
            tx.emit(ConversationEvents.MESSAGE_STATUS, statusEvent(row, message, conversation, status));
            return null;
        });
        if (OutboxRow.FAILED.equals(state)) {
            LOG.warn("Message {} on {} failed: {}", message.id(), row.channel(), detail);
        }
    }

    private void putBack(OutboxRow row, String state, Instant due, String detail, boolean recheck) {
        store.inTransaction(tx -> {
            OutboxRepository.again(tx.handle(), row.id(), state, due, detail, recheck, false);
            return null;
        });
    }

    private static Map<String, Object> statusEvent(OutboxRow row, MessageRow message, ConversationRow conversation, String status) {
        Map<String, Object> event = ConversationService.eventOf(conversation, message.id());
        event.put(ConversationEvents.STATUS, status);
        event.put(ConversationEvents.KEY, row.key());
        return event;
    }

    private Instant backoff(OutboxRow row, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return clock.instant().plus(retryAfter);
        }
        long seconds = Math.min(3600, 5L << Math.min(20, Math.max(0, row.attempts() - 1)));
        return clock.instant().plusSeconds(seconds);
    }

    /** On a clean stop: give back what this node claimed but did not send, so it goes at once after the restart. */
    private void releaseClaims() {
        try {
            int released = store.inTransaction(tx -> tx.handle().createUpdate("UPDATE conv_outbox SET state = 'pending', lease_until = NULL, "
                    + "attempts = attempts - 1 WHERE state = 'sending' AND claimed_by = :node").bind("node", settings.nodeName()).execute());
            if (released > 0) {
                LOG.info("Released {} outbox messages claimed but not sent", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not release claimed outbox messages (their lease will run out): {}", e.toString());
        }
    }
}

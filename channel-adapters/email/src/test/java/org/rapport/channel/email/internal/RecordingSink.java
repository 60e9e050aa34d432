package org.rapport.channel.email.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.rapport.conversations.channel.DeliveryReport;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.InboundSink;
import org.rapport.conversations.channel.Received;

/** An InboundSink that keeps what it is given and, like the core, recognises a repeated external id. */
final class RecordingSink implements InboundSink {

    final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();
    private final Map<String, Received> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    volatile RuntimeException failWith;

    @Override
    public Received receive(InboundMessage message) {
        RuntimeException fail = failWith;
        if (fail != null) {
            throw fail;
        }
        if (message.from() == null || message.from().isBlank()) {
            throw new IllegalArgumentException("the message has no sender");
        }
        Received before = byId.get(message.externalId());
        if (before != null) {
            return new Received(before.conversationId(), before.messageId(), null, true);
        }
        long id = ids.incrementAndGet();
        Received r = new Received(id, id, null, false);
        byId.put(message.externalId(), r);
        received.add(message);
        return r;
    }

    @Override
    public void delivery(DeliveryReport report) {
        reports.add(report);
    }
}

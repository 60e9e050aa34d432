package org.rapport.conversations.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.rapport.conversations.channel.ChannelAdapter;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.SendResult;

/** A channel adapter for tests: keeps what it was given, answers by a rule, counts keys. */
final class FakeAdapter implements ChannelAdapter {
    final List<OutboundMessage> sent = new CopyOnWriteArrayList<>();
    final Map<String, Integer> perKey = new ConcurrentHashMap<>();
    volatile Function<OutboundMessage, SendResult> rule = m -> SendResult.sent("<" + m.idempotencyKey() + "@test>");

    @Override
    public SendResult send(OutboundMessage message) {
        SendResult result = rule.apply(message);
        if (result.status() == SendResult.Status.SENT) {
            sent.add(message);
            perKey.merge(message.idempotencyKey(), 1, Integer::sum);
        }
        return result;
    }
}

package org.rapport.channel.webchat.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.channel.DeliveryReport;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.Received;

/** The conversations core and records as the engine sees them, recording what it is given. */
final class FakePeers implements ChatPeers {

    final List<InboundMessage> received = new ArrayList<>();
    final List<DeliveryReport> reports = new ArrayList<>();
    final List<Outgoing> sent = new ArrayList<>();
    final Map<String, ContactRef> byEmail = new HashMap<>();
    final Map<Long, ContactRef> byId = new HashMap<>();
    final Map<Long, Author> authors = new HashMap<>();
    private final Map<String, Received> seen = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(100);

    void contact(long id, String name, String email, String language) {
        ContactRef c = new ContactRef(id, name, language);
        byEmail.put(email, c);
        byId.put(id, c);
    }

    @Override
    public Received receive(InboundMessage message) {
        Received before = seen.get(message.externalId());
        if (before != null) {
            return new Received(before.conversationId(), before.messageId(), before.contactId(), true);
        }
        received.add(message);
        Received r = new Received(message.conversationId() == null ? 7 : message.conversationId(), ids.incrementAndGet(),
                message.verifiedContactId(), false);
        seen.put(message.externalId(), r);
        return r;
    }

    @Override
    public void delivery(DeliveryReport report) {
        reports.add(report);
    }

    @Override
    public SendOutcome send(Outgoing message) {
        sent.add(message);
        return new SendOutcome(message.key(), "queued", null, null, ids.incrementAndGet(), 9L);
    }

    @Override
    public Optional<ContactRef> contactByEmail(String email) {
        return Optional.ofNullable(byEmail.get(email));
    }

    @Override
    public Optional<ContactRef> contact(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Author> author(long conversationId, long messageId) {
        return Optional.ofNullable(authors.get(messageId));
    }

    @Override
    public List<Line> transcript(long conversationId) {
        return List.of(new Line(1, "me", null, "hi", 1), new Line(2, "bot", null, "<b>hello</b>", 2));
    }
}

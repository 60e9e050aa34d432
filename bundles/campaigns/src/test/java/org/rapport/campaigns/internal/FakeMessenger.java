package org.rapport.campaigns.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.rapport.conversations.Messenger;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.StaffOutgoing;

/**
 * A Messenger with the real one's key contract (a key sent before is a duplicate and not sent
 * again), answering per contact what a test sets (queued by default), and able to fail once after
 * "committing" a batch, as a node killed between the Messenger's commit and the caller's would.
 */
final class FakeMessenger implements Messenger {
    final Map<String, Outgoing> sent = new ConcurrentHashMap<>();
    final Map<Long, AtomicInteger> perContact = new ConcurrentHashMap<>();
    final Map<Long, String[]> answers = new HashMap<>();
    final Set<String> failAfterCommitOnce = ConcurrentHashMap.newKeySet();
    final AtomicInteger batches = new AtomicInteger();

    /** The next batch is stored, then the call fails (the caller's transaction rolls back). */
    void crashAfterNextBatch() {
        failAfterCommitOnce.add("next");
    }

    final List<StaffOutgoing> toStaff = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Staff ids with an email address: the others are unreachable, as the real Messenger says. */
    final Set<Long> staffWithEmail = ConcurrentHashMap.newKeySet();

    @Override
    public SendOutcome sendToStaff(StaffOutgoing message) {
        if (!staffWithEmail.contains(message.staffId())) {
            return new SendOutcome(message.key(), "unreachable", "no_address", "no email", null, null);
        }
        toStaff.add(message);
        return new SendOutcome(message.key(), "queued", "allowed", null, (long) toStaff.size(), 1L);
    }

    @Override
    public SendOutcome send(Outgoing message) {
        return sendAll(List.of(message)).get(0);
    }

    @Override
    public synchronized List<SendOutcome> sendAll(List<Outgoing> messages) {
        batches.incrementAndGet();
        List<SendOutcome> out = new ArrayList<>();
        for (Outgoing m : messages) {
            if (sent.containsKey(m.key())) {
                out.add(new SendOutcome(m.key(), "duplicate", "duplicate", "sent before", null, null));
                continue;
            }
            String[] answer = answers.get(m.contactId());
            if (answer != null && answer[0].equals("blocked")) {
                out.add(new SendOutcome(m.key(), "blocked", answer[1], "The gate said no", null, null));
                continue;
            }
            sent.put(m.key(), m);
            perContact.computeIfAbsent(m.contactId(), k -> new AtomicInteger()).incrementAndGet();
            String status = answer == null ? "queued" : answer[0];
            out.add(new SendOutcome(m.key(), status, answer == null ? null : answer[1], status, (long) sent.size(), 1L));
        }
        if (failAfterCommitOnce.remove("next")) {
            throw new IllegalStateException("node died after the Messenger committed");
        }
        return out;
    }

    @Override
    public Map<String, Long> outboxCounts() {
        return Map.of("pending", (long) sent.size());
    }
}

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
    /** Key → the outbox's status of that message: queued, deferred, withdrawn, or what a test sets (sent, delivered, …). */
    final Map<String, String> status = new ConcurrentHashMap<>();

    /** Runs once at the start of the next batch, before it is stored (e.g. a pause committed meanwhile by an admin). */
    volatile Runnable beforeNextBatch;

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
        Runnable before = beforeNextBatch;
        beforeNextBatch = null;
        if (before != null) {
            before.run();
        }
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
            this.status.put(m.key(), status);
            out.add(new SendOutcome(m.key(), status, answer == null ? null : answer[1], status, (long) sent.size(), 1L));
        }
        if (failAfterCommitOnce.remove("next")) {
            throw new IllegalStateException("node died after the Messenger committed");
        }
        return out;
    }

    @Override
    public synchronized List<String> withdraw(java.util.Collection<String> keys) {
        return move(keys.stream().filter(k -> Set.of("queued", "deferred").contains(status.get(k))).toList(), "withdrawn");
    }

    @Override
    public synchronized List<String> withdrawByPrefix(String keyPrefix) {
        return withdraw(status.keySet().stream().filter(k -> k.startsWith(keyPrefix)).toList());
    }

    @Override
    public synchronized List<String> requeue(java.util.Collection<String> keys) {
        return move(keys.stream().filter(k -> "withdrawn".equals(status.get(k))).toList(), "queued");
    }

    @Override
    public synchronized List<String> requeueByPrefix(String keyPrefix) {
        return requeue(status.keySet().stream().filter(k -> k.startsWith(keyPrefix)).toList());
    }

    private List<String> move(List<String> keys, String to) {
        keys.forEach(k -> status.put(k, to));
        return keys;
    }

    @Override
    public Map<String, String> statuses(java.util.Collection<String> keys) {
        Map<String, String> out = new HashMap<>();
        keys.stream().filter(status::containsKey).forEach(k -> out.put(k, status.get(k)));
        return out;
    }

    /** Keys of messages the "outbox" sent or would still send (anything but withdrawn), sorted. */
    List<String> delivered() {
        return status.entrySet().stream().filter(e -> !"withdrawn".equals(e.getValue())).map(Map.Entry::getKey).sorted().toList();
    }

    @Override
    public Map<String, Long> outboxCounts() {
        return Map.of("pending", (long) sent.size());
    }
}

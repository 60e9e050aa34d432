package org.rapport.channel.webchat.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * One visitor's chat session: its identity (anonymous or a verified contact), its conversation,
 * and the events sent to it that it has not acknowledged yet, numbered in the order they were
 * sent. Callers lock the session object around changes.
 */
final class ChatSession {

    /** An event for the visitor that must arrive once and in order. */
    record Event(long seq, String key, Long messageId, String type, String from, String name, String text, long at) {}

    private static final int KEYS_KEPT = 500;

    final String id;
    final String tokenHash;
    final Instant createdAt;
    Instant lastSeen;
    Instant offlineSince;
    Long conversationId;
    Long contactId;
    String contactName;
    String language;
    long lastSeq;
    long lastRead;
    boolean staffJoined;
    final List<Event> unacked = new ArrayList<>();
    /** Acknowledged messages not yet read, for read receipts (the latest few; not saved). */
    final java.util.ArrayDeque<Event> unread = new java.util.ArrayDeque<>();
    final Set<String> sentKeys = new LinkedHashSet<>();
    final List<Instant> codesAsked = new ArrayList<>();
    OneTimeCode code;
    final Set<Connection> connections = new CopyOnWriteArraySet<>();

    ChatSession(String id, String tokenHash, Instant createdAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.lastSeen = createdAt;
        this.offlineSince = createdAt;
    }

    boolean verified() {
        return contactId != null;
    }

    /** Adds an event with the next number. */
    Event add(String key, Long messageId, String type, String from, String name, String text, long at) {
        Event e = new Event(++lastSeq, key, messageId, type, from, name, text, at);
        unacked.add(e);
        if (key != null) {
            sentKeys.add(key);
            if (sentKeys.size() > KEYS_KEPT) {
                sentKeys.remove(sentKeys.iterator().next());
            }
        }
        return e;
    }

    /** Marks the events up to {@code seq} read; returns the messages that were not read before. */
    List<Event> read(long seq) {
        ack(seq); // read implies received
        List<Event> read = new ArrayList<>();
        while (!unread.isEmpty() && unread.peek().seq() <= seq) {
            read.add(unread.poll());
        }
        lastRead = Math.max(lastRead, seq);
        return read;
    }

    /** Removes the events up to {@code seq}; returns them. */
    List<Event> ack(long seq) {
        List<Event> done = new ArrayList<>();
        unacked.removeIf(e -> {
            if (e.seq() <= seq) {
                done.add(e);
                if (e.key() != null && e.seq() > lastRead) {
                    unread.add(e);
                    if (unread.size() > KEYS_KEPT) {
                        unread.poll();
                    }
                }
                return true;
            }
            return false;
        });
        return done;
    }
}

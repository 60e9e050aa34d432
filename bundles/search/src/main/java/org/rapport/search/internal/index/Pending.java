package org.rapport.search.internal.index;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Changes waiting to be indexed, by kind, de-duplicated (a client changed ten times in a second is
 * indexed once). Producers are event handlers; one consumer drains them in batches. Thread-safe.
 */
public final class Pending {
    /** A kind of pending work. */
    public enum Kind {
        CLIENT, CLIENT_DELETED, TIMELINE, INTERACTION, ARTICLE
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final java.util.Map<Kind, Set<Long>> work = new java.util.EnumMap<>(Kind.class);

    public Pending() {
        for (Kind kind : Kind.values()) {
            work.put(kind, new LinkedHashSet<>());
        }
    }

    public void add(Kind kind, long id) {
        lock.lock();
        try {
            work.get(kind).add(id);
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void addAll(Kind kind, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            work.get(kind).addAll(ids);
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes up to {@code max} ids of a kind. */
    public List<Long> take(Kind kind, int max) {
        lock.lock();
        try {
            List<Long> taken = new ArrayList<>(Math.min(max, work.get(kind).size()));
            Iterator<Long> it = work.get(kind).iterator();
            while (it.hasNext() && taken.size() < max) {
                taken.add(it.next());
                it.remove();
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until there is work or the time is up. */
    public void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            if (size() == 0) {
                available.await(millis, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the consumer (e.g. when a source it waited for is back). */
    public void wake() {
        lock.lock();
        try {
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public long size() {
        lock.lock();
        try {
            return work.values().stream().mapToLong(Set::size).sum();
        } finally {
            lock.unlock();
        }
    }

    public long size(Kind kind) {
        lock.lock();
        try {
            return work.get(kind).size();
        } finally {
            lock.unlock();
        }
    }
}

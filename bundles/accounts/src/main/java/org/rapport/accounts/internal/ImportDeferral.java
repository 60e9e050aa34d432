package org.rapport.accounts.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Holds the clients of running imports back from scoring until their import has finished, so that
 * scoring does not compete with the import for the store's one writer. An import whose end is never
 * announced is released once it has sent no batch for a while. Thread-safe.
 */
final class ImportDeferral {
    /** Finished imports remembered, so a batch that arrives after its job's end is scored at once. */
    private static final int FINISHED_KEPT = 256;

    private final LongSupplier nanos;
    private final long staleNanos;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final Set<String> finished = new LinkedHashSet<>();

    private static final class Held {
        final Set<Long> ids = new LinkedHashSet<>();
        long lastBatch;
    }

    /**
     * @param nanos the time source ({@link System#nanoTime()})
     * @param staleNanos how long an import may send no batch before its clients are released anyway
     */
    ImportDeferral(LongSupplier nanos, long staleNanos) {
        this.nanos = nanos;
        this.staleNanos = staleNanos;
    }

    /**
     * Holds an imported batch back until its job has finished; false (nothing held, score them
     * now) when the job has already finished.
     */
    synchronized boolean hold(String jobId, Collection<Long> ids) {
        if (finished.contains(jobId)) {
            return false;
        }
        Held h = held.computeIfAbsent(jobId, k -> new Held());
        h.ids.addAll(ids);
        h.lastBatch = nanos.getAsLong();
        return true;
    }

    /** The job has finished: answers the clients held for it (possibly none), and holds none of its later batches. */
    synchronized List<Long> finish(String jobId) {
        finished.add(jobId);
        if (finished.size() > FINISHED_KEPT) {
            Iterator<String> oldest = finished.iterator();
            oldest.next();
            oldest.remove();
        }
        Held h = held.remove(jobId);
        return h == null ? List.of() : new ArrayList<>(h.ids);
    }

    /** Answers and forgets the clients of imports that have sent no batch for the stale time. */
    synchronized List<Long> releaseStale() {
        long now = nanos.getAsLong();
        List<Long> released = new ArrayList<>();
        for (Iterator<Held> it = held.values().iterator(); it.hasNext();) {
            Held h = it.next();
            if (now - h.lastBatch >= staleNanos) {
                released.addAll(h.ids);
                it.remove();
            }
        }
        return released;
    }

    /** Clients held back now. */
    synchronized int size() {
        return held.values().stream().mapToInt(h -> h.ids.size()).sum();
    }
}

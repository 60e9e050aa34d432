package org.rapport.accounts.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Holds imported clients back from scoring while imports run, so that scoring does not compete
 * with an import for the store's one writer. It keeps no client ids (a million-row import would
 * hold a million): an import's new clients are the clients without a score, and those are scored
 * once no import runs any more. An import whose end is never announced stops counting as running
 * once it has sent no batch for a while. Thread-safe.
 */
final class ImportDeferral {
    /** Finished imports remembered, so a batch that arrives after its job's end is scored at once. */
    private static final int FINISHED_KEPT = 256;

    private final LongSupplier nanos;
    private final long staleNanos;
    /** Running imports: job id → time of its last batch. */
    private final Map<String, Long> running = new LinkedHashMap<>();
    private final Set<String> finished = new LinkedHashSet<>();
    /** Clients held back since the clients without a score were last released. */
    private long held;

    /**
     * @param nanos the time source ({@link System#nanoTime()})
     * @param staleNanos how long an import may send no batch before it no longer holds the scoring back
     */
    ImportDeferral(LongSupplier nanos, long staleNanos) {
        this.nanos = nanos;
        this.staleNanos = staleNanos;
    }

    /**
     * Holds a batch of {@code clients} new clients of an import back; false (nothing held, score
     * them now) when the job has already finished.
     */
    synchronized boolean hold(String jobId, int clients) {
        if (finished.contains(jobId)) {
            return false;
        }
        running.put(jobId, nanos.getAsLong());
        held += clients;
        return true;
    }

    /** The job has finished; true when the clients without a score are to be scored now (no other import runs, some were held). */
    synchronized boolean finish(String jobId) {
        finished.add(jobId);
        if (finished.size() > FINISHED_KEPT) {
            Iterator<String> oldest = finished.iterator();
            oldest.next();
            oldest.remove();
        }
        running.remove(jobId);
        return release();
    }

    /** Forgets imports that have sent no batch for the stale time; true as {@link #finish}. */
    synchronized boolean releaseStale() {
        long now = nanos.getAsLong();
        running.values().removeIf(lastBatch -> now - lastBatch >= staleNanos);
        return release();
    }

    private boolean release() {
        if (running.isEmpty() && held > 0) {
            held = 0;
            return true;
        }
        return false;
    }

    /** Whether an import runs now (the clients without a score include its new ones). */
    synchronized boolean running() {
        return !running.isEmpty();
    }

    /** Clients held back now. */
    synchronized long size() {
        return held;
    }
}

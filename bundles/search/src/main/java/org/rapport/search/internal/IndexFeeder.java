package org.rapport.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.rapport.education.Education;
import org.rapport.education.EducationEvents;
import org.rapport.jobs.JobInfo;
import org.rapport.jobs.JobRequest;
import org.rapport.jobs.Jobs;
import org.rapport.records.Records;
import org.rapport.records.RecordsEvents;
import org.rapport.search.internal.index.Indexing;
import org.rapport.search.internal.index.Pending;
import org.rapport.search.internal.index.Pending.Kind;
import org.rapport.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index current: records and education events become pending work (ids, de-duplicated),
 * which one thread ({@code rapport-search-indexer}) loads through the services in batches of up to
 * 1000 and writes. At start it builds the index from the database when it is missing, broken or
 * half-built, else catches up with what changed while it was stopped. A rebuild on demand runs as
 * a job (or on its own thread without the jobs bundle). Records, education and jobs may come and
 * go: work that needs an absent service waits for it.
 */
@Component(service = {EventHandler.class, IndexFeeder.class}, property = {
    EventConstants.EVENT_TOPIC + "=" + RecordsEvents.PREFIX + "*",
    EventConstants.EVENT_TOPIC + "=" + EducationEvents.PREFIX + "*"})
public final class IndexFeeder implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFeeder.class);

    private final Pending pending = new Pending();
    private final Indexing indexing;
    private final Thread worker;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicLong rebuildProgress = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean rebuildWanted;
    private volatile boolean catchUpWanted;
    private volatile Instant lastRebuild;
    private final long activated = System.nanoTime();
    /** How long a start-up rebuild waits for the education library before it builds without it. */
    private static final long SOURCES_GRACE_NANOS = 30_000_000_000L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Records records;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Education education;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Jobs jobs;

    @Activate
    public IndexFeeder(@Reference IndexComponent component) {
        this.indexing = new Indexing(component.index(), () -> records, () -> education);
        this.rebuildWanted = component.index().needsRebuild();
        this.catchUpWanted = !rebuildWanted;
        String rebuiltAt = component.index().committed("rapport.rebuiltAt");
        this.lastRebuild = rebuiltAt == null ? null : Instant.parse(rebuiltAt);
        this.worker = new Thread(this::work, "rapport-search-indexer");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        pending.wake();
        worker.join(5000);
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        switch (topic) {
            case RecordsEvents.CLIENTS_IMPORTED -> pending.addAll(Kind.CLIENT, ids(event.getProperty(RecordsEvents.CLIENT_IDS)));
            case RecordsEvents.CLIENT_MERGED -> {
                pending.add(Kind.CLIENT_DELETED, number(event, RecordsEvents.MERGED_ID));
                pending.add(Kind.CLIENT, number(event, RecordsEvents.CLIENT_ID));
                pending.add(Kind.TIMELINE, number(event, RecordsEvents.CLIENT_ID));
            }
            case RecordsEvents.CLIENT_DELETED -> pending.add(Kind.CLIENT_DELETED, number(event, RecordsEvents.CLIENT_ID));
            case RecordsEvents.CLIENT_UPDATED -> {
                pending.add(Kind.CLIENT, number(event, RecordsEvents.CLIENT_ID));
                if (event.getProperty(RecordsEvents.FIELDS) instanceof Collection<?> fields && fields.contains("name")) {
                    pending.add(Kind.TIMELINE, number(event, RecordsEvents.CLIENT_ID));
                }
            }
            case RecordsEvents.CLIENT_CREATED, RecordsEvents.STANDING_CHANGED, RecordsEvents.CONTACT_CREATED,
                    RecordsEvents.CONTACT_UPDATED, RecordsEvents.CONTACT_DELETED ->
                    pending.add(Kind.CLIENT, number(event, RecordsEvents.CLIENT_ID));
            case RecordsEvents.INTERACTION_CREATED -> pending.add(Kind.INTERACTION, number(event, RecordsEvents.ENTITY_ID));
            case RecordsEvents.INTERACTIONS_CHANGED -> pending.add(Kind.TIMELINE, number(event, RecordsEvents.CLIENT_ID));
            default -> {
                if (topic.startsWith(EducationEvents.PREFIX)) {
                    pending.add(Kind.ARTICLE, number(event, EducationEvents.ARTICLE_ID));
                }
            }
        }
    }

    private static long number(Event event, String name) {
        return event.getProperty(name) instanceof Number n ? n.longValue() : 0L;
    }

    private static List<Long> ids(Object value) {
        List<Long> ids = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(i -> {
                if (i instanceof Number n) {
                    ids.add(n.longValue());
                }
            });
        } else if (value instanceof long[] array) {
            for (long id : array) {
                ids.add(id);
            }
        }
        return ids;
    }

    private void work() {
        while (running) {
            try {
                if (rebuildWanted && records != null && (education != null || System.nanoTime() - activated > SOURCES_GRACE_NANOS)) {
                    rebuildWanted = false;
                    catchUpWanted = false;
                    rebuild(Principal.SYSTEM);
                }
                if (catchUpWanted && indexing.catchUp()) {
                    catchUpWanted = false;
                }
                // what is written becomes searchable at the index's next timed refresh (every 200 ms by default):
                // refreshing after each small batch would write a segment per client scored or contact added
                if (!drain()) {
                    pending.await(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Indexing failed, will retry: {}", e.toString());
                sleep();
            }
        }
    }

    /** Indexes one batch of each kind (not yet visible to searches); false when there was nothing it could do. */
    private boolean drain() {
        boolean did = false;
        List<Long> deleted = pending.take(Kind.CLIENT_DELETED, Integer.MAX_VALUE);
        deleted.forEach(indexing::deleteClient);
        did |= !deleted.isEmpty();
        did |= step(Kind.CLIENT, indexing::clients);
        did |= step(Kind.INTERACTION, indexing::interactions);
        did |= step(Kind.ARTICLE, indexing::articles);
        List<Long> timelines = records == null ? List.of() : pending.take(Kind.TIMELINE, 10);
        for (long id : timelines) {
            if (!indexing.timeline(id)) {
                pending.add(Kind.TIMELINE, id);
            }
        }
        did |= !timelines.isEmpty();
        return did;
    }

    private interface Step {
        boolean run(List<Long> ids);
    }

    private boolean step(Kind kind, Step step) {
        List<Long> ids = pending.take(kind, 1000);
        if (ids.isEmpty()) {
            return false;
        }
        try {
            if (!step.run(ids)) {
                pending.addAll(kind, ids);
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            pending.addAll(kind, ids);
            throw e;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a rebuild from the database; returns the job id (or {@code null} when it runs without the jobs bundle), or throws when one is running. */
    public String rebuild(Principal by) {
        if (rebuilding.get()) {
            throw new IllegalStateException("A rebuild is already running");
        }
        Jobs j = jobs;
        if (j != null) {
            JobInfo job = j.submit(new JobRequest("search.rebuild", "Search index rebuild", by.userId(), by.displayName()), ctx -> {
                long written = runRebuild(ctx::cancelled);
                ctx.result(java.util.Map.of("documents", written));
            });
            return job.id();
        }
        Thread t = new Thread(() -> runRebuild(null), "rapport-search-rebuild");
        t.setDaemon(true);
        t.start();
        return null;
    }

    private long runRebuild(java.util.function.BooleanSupplier cancelled) {
        if (!rebuilding.compareAndSet(false, true)) {
            return 0;
        }
        long started = System.nanoTime();
        try {
            rebuildProgress.set(0);
            long written = indexing.rebuild(rebuildProgress::set, () -> !running || (cancelled != null && cancelled.getAsBoolean()));
            lastRebuild = Instant.now();
            LOG.info("Search index rebuilt from the database: {} documents in {} ms", written, (System.nanoTime() - started) / 1_000_000);
            return written;
        } finally {
            rebuilding.set(false);
            rebuildProgress.set(0);
        }
    }

    public boolean rebuilding() {
        return rebuilding.get() || rebuildWanted;
    }

    public long rebuildProgress() {
        return rebuildProgress.get();
    }

    public long pending() {
        return pending.size();
    }

    public Instant lastRebuild() {
        return lastRebuild;
    }
}

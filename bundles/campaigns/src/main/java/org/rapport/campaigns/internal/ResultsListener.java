package org.rapport.campaigns.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.rapport.conversations.ConversationEvents;
import org.rapport.conversations.Messenger;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results per recipient from other bundles' events: the outbox's delivery status of a campaign
 * message (by its key), a reply from a recipient, an opt-out after a message; at activation, the
 * {@link Reconciler} catches up on statuses posted while this bundle was stopped.
 */
@Component(service = EventHandler.class, immediate = true, configurationPid = "org.rapport.campaigns", property = {
    EventConstants.EVENT_TOPIC + "=" + ConversationEvents.MESSAGE_STATUS,
    EventConstants.EVENT_TOPIC + "=" + ConversationEvents.MESSAGE_RECEIVED,
    EventConstants.EVENT_TOPIC + "=org/rapport/compliance/consent/CHANGED"})
public final class ResultsListener implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ResultsListener.class);

    private final Store store;
    private final Settings settings;
    private final Clock clock;
    private final CampaignRepository repo = new CampaignRepository();
    /** Delivery statuses waiting to be recorded together (one transaction per flush, not per event). */
    private final ConcurrentLinkedQueue<Deliveries.Status> statuses = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rapport-campaigns-results");
        t.setDaemon(true);
        return t;
    });
    private static final long FLUSH_MILLIS = 100;
    private static final int FLUSH_MAX = 1000;


    /**
     * Once this handler hears the status events, it catches up (off the activating thread) on those posted while it did
     * not: what happened before is reconciled from the Messenger, what happens after comes as events.
     */
    @Activate
    public ResultsListener(@Reference Store store, @Reference(target = "(bundle=org.rapport.campaigns)") SchemaReady schema,
            @Reference Messenger messenger, CampaignsConfig config) {
        this(store, Settings.of(config), Clock.systemUTC());
        Reconciler reconciler = new Reconciler(store, messenger, repo, settings, clock);
        flusher.execute(() -> {
            try {
                reconciler.reconcile();
            } catch (RuntimeException e) {
                LOG.warn("Campaign results not reconciled: {}", e.toString());
            }
        });
    }

    ResultsListener(Store store, Settings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            switch (event.getTopic()) {
                case ConversationEvents.MESSAGE_STATUS -> queue(new Deliveries.Status(String.valueOf(event.getProperty(ConversationEvents.KEY)),
                        String.valueOf(event.getProperty(ConversationEvents.STATUS))));
                case ConversationEvents.MESSAGE_RECEIVED -> contact(event.getProperty(ConversationEvents.CONTACT_ID), "replied");
                default -> {
                    if (Boolean.FALSE.equals(event.getProperty("granted")) || "false".equals(String.valueOf(event.getProperty("granted")))) {
                        contact(event.getProperty("contact.id"), "opted_out");
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Campaign result from {} not recorded: {}", event.getTopic(), e.toString());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        flusher.shutdown();
        flusher.awaitTermination(10, TimeUnit.SECONDS);
        flush(); // what came last
    }

    /** Statuses of a busy campaign come by the thousand: they are recorded together, shortly after. */
    private void queue(Deliveries.Status s) {
        statuses.add(s);
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                flusher.schedule(this::flushScheduled, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                flushScheduled.set(false);
                flush(); // stopping: record it now
            }
        }
    }

    private void flushScheduled() {
        flushScheduled.set(false);
        flush();
        if (!statuses.isEmpty() && flushScheduled.compareAndSet(false, true)) {
            flusher.execute(this::flushScheduled);
        }
    }

    private void flush() {
        List<Deliveries.Status> batch = new ArrayList<>();
        for (Deliveries.Status s = statuses.poll(); s != null; s = batch.size() < FLUSH_MAX ? statuses.poll() : null) {
            batch.add(s);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.inTransaction(tx -> Deliveries.recordAll(repo, tx.handle(), batch, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("{} campaign delivery statuses could not be recorded together ({}); recording them one by one", batch.size(),
                    e.toString());
            for (Deliveries.Status s : batch) {
                try {
                    status(s.key(), s.status());
                } catch (RuntimeException again) {
                    LOG.warn("Campaign result for {} not recorded: {}", s.key(), again.toString());
                }
            }
        }
    }

    /** Records a delivery status of a campaign message (of its step, for a follow-up step's key); other keys are ignored. */
    void status(String key, String status) {
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            statusIn(tx.handle(), key, status, now);
            return null;
        });
    }

    private void statusIn(org.jdbi.v3.core.Handle h, String key, String status, Instant now) {
        Deliveries.record(repo, h, key, status, now);
    }

    void contact(Object contactId, String column) {
        if (!(contactId instanceof Number n)) {
            return;
        }
        Instant since = clock.instant().minus(settings.attributionDays(), ChronoUnit.DAYS);
        store.inTransaction(tx -> repo.markAfter(tx.handle(), n.longValue(), column, since));
    }
}

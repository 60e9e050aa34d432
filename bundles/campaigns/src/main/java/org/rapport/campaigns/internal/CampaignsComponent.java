package org.rapport.campaigns.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.records.RecordsEvents;
import org.rapport.campaigns.Campaign;
import org.rapport.campaigns.CampaignInput;
import org.rapport.campaigns.CampaignStats;
import org.rapport.campaigns.Campaigns;
import org.rapport.campaigns.Recipient;
import org.rapport.campaigns.Rendered;
import org.rapport.campaigns.Rule;
import org.rapport.campaigns.Segment;
import org.rapport.campaigns.SegmentPreview;
import org.rapport.compliance.Consents;
import org.rapport.conversations.ConversationEvents;
import org.rapport.conversations.Messenger;
import org.rapport.education.Education;
import org.rapport.security.Principal;
import org.rapport.security.StaffDirectory;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Campaigns} service, and the node's dispatch loops ({@code dispatchThreads}) that start
 * scheduled campaigns and work running runs. Stopping the bundle stops the loop after its current batch;
 * a run continues where it stopped when the bundle (or another node) runs again.
 */
@Component(service = {Campaigns.class, EventHandler.class}, configurationPid = "org.rapport.campaigns", property = {
    EventConstants.EVENT_TOPIC + "=" + RecordsEvents.CLIENT_CREATED,
    EventConstants.EVENT_TOPIC + "=" + RecordsEvents.CONTACT_CREATED,
    EventConstants.EVENT_TOPIC + "=" + RecordsEvents.CLIENTS_IMPORTED,
    EventConstants.EVENT_TOPIC + "=" + CampaignsComponent.CHURN_ALERT_TOPIC,
    EventConstants.EVENT_TOPIC + "=" + ConversationEvents.COMPLAINT_CLOSED})
@Designate(ocd = CampaignsConfig.class)
public final class CampaignsComponent implements Campaigns, EventHandler {
    /** The accounts bundle's churn alert (by name, so this bundle does not need the accounts API). */
    static final String CHURN_ALERT_TOPIC = "org/rapport/accounts/CHURN_ALERT";
    private static final Logger LOG = LoggerFactory.getLogger(CampaignsComponent.class);

    private final CampaignService service;
    private final RunDispatcher dispatcher;
    private final ScheduledExecutorService loop;
    private final long tickNanos;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Education education;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Consents consents;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = "(bundle=org.rapport.compliance)")
    private volatile SchemaReady complianceSchema;

    @Activate
    public CampaignsComponent(@Reference Store store, @Reference(target = "(bundle=org.rapport.records)") SchemaReady recordsSchema,
            @Reference(target = "(bundle=org.rapport.campaigns)") SchemaReady schema, @Reference Messenger messenger,
            @Reference StaffDirectory staff, CampaignsConfig config) {
        Settings settings = Settings.of(config);
        this.tickNanos = TimeUnit.MILLISECONDS.toNanos(settings.tickMillis());
        MessageRenderer renderer = new MessageRenderer(new TemplateEngine(), staff, () -> education, () -> consents);
        this.service = new CampaignService(store, messenger, renderer, settings, Clock.systemUTC(), () -> complianceSchema != null);
        this.dispatcher = new RunDispatcher(store, messenger, renderer, service, settings);
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        this.loop = Executors.newScheduledThreadPool(settings.dispatchThreads(), r -> {
            Thread t = new Thread(r, "rapport-campaigns-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < settings.dispatchThreads(); i++) {
            // each thread claims its own batches (SKIP LOCKED), as another node would
            loop.scheduleWithFixedDelay(this::tick, settings.tickMillis() + i * 7L, settings.tickMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        try {
            while (!loop.isShutdown()) {
                if (dispatcher.tick() > 0) {
                    continue; // keep going while there is work; the rate limit spaces the batches
                }
                // nothing handled: no work, or the runs' rate budgets are held by batches of other threads; for the
                // latter wait until the earliest frees rather than a whole tick (a fast run's threads take turns)
                long wait = dispatcher.nanosUntilNextBudget();
                if (wait < 0 || wait > tickNanos) {
                    break;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        } catch (RuntimeException e) {
            LOG.warn("Campaign dispatch failed; trying again shortly: {}", e.toString());
        }
    }

    /** Events that trigger campaigns: new clients / contacts (welcome), churn alerts (win-back), closed complaints (follow-up). */
    @Override
    public void handleEvent(Event event) {
        try {
            Object client = event.getProperty(RecordsEvents.CLIENT_ID);
            Object contact = event.getProperty(RecordsEvents.CONTACT_ID);
            int added = switch (event.getTopic()) {
                case CHURN_ALERT_TOPIC -> client instanceof Number n ? service.trigger(Schedules.CHURN_ALERT, List.of(n.longValue()), null) : 0;
                case ConversationEvents.COMPLAINT_CLOSED -> complaintClosed(event);
                case RecordsEvents.CONTACT_CREATED -> contact instanceof Number n ? service.trigger(Schedules.NEW_CLIENT, List.of(), n.longValue()) : 0;
                case RecordsEvents.CLIENTS_IMPORTED -> service.trigger(Schedules.NEW_CLIENT, ids(event.getProperty(RecordsEvents.CLIENT_IDS)), null);
                default -> client instanceof Number n ? service.trigger(Schedules.NEW_CLIENT, List.of(n.longValue()), null) : 0;
            };
            if (added > 0) {
                LOG.debug("{} added {} campaign recipient(s)", event.getTopic(), added);
            }
        } catch (RuntimeException e) {
            LOG.warn("Campaign trigger {} failed: {}", event.getTopic(), e.toString());
        }
    }

    /** The follow-up goes to the contact who complained; a complaint of no known contact, to its client's contacts. */
    private int complaintClosed(Event event) {
        Object contact = event.getProperty(ConversationEvents.CONTACT_ID);
        if (contact instanceof Number n) {
            return service.trigger(Schedules.COMPLAINT_CLOSED, List.of(), n.longValue());
        }
        Object client = event.getProperty(ConversationEvents.CLIENT_ID);
        return client instanceof Number n ? service.trigger(Schedules.COMPLAINT_CLOSED, List.of(n.longValue()), null) : 0;
    }

    private static List<Long> ids(Object value) {
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().filter(Number.class::isInstance).map(o -> ((Number) o).longValue()).toList();
        }
        if (value instanceof long[] array) {
            return java.util.Arrays.stream(array).boxed().toList();
        }
        return List.of();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        loop.shutdown();
        if (!loop.awaitTermination(30, TimeUnit.SECONDS)) {
            loop.shutdownNow();
        }
    }

    @Override
    public SegmentPreview preview(Rule rule, int sampleSize) {
        return service.preview(rule, sampleSize);
    }

    @Override
    public List<Segment> segments() {
        return service.segments();
    }

    @Override
    public Optional<Segment> segment(long id) {
        return service.segment(id);
    }

    @Override
    public Segment saveSegment(Long id, String name, String description, Rule rule, Principal actor) {
        return service.saveSegment(id, name, description, rule, actor);
    }

    @Override
    public void deleteSegment(long id) {
        service.deleteSegment(id);
    }

    @Override
    public List<Campaign> campaigns() {
        return service.campaigns();
    }

    @Override
    public Optional<Campaign> campaign(long id) {
        return service.campaign(id);
    }

    @Override
    public Campaign create(CampaignInput input, Principal actor) {
        return service.create(input, actor);
    }

    @Override
    public Campaign update(long id, CampaignInput input, Principal actor) {
        return service.update(id, input, actor);
    }

    @Override
    public void delete(long id) {
        service.delete(id);
    }

    @Override
    public CampaignStats launch(long id, Principal actor) {
        return service.launch(id, actor);
    }

    @Override
    public CampaignStats pause(long id, Principal actor) {
        return service.pause(id);
    }

    @Override
    public CampaignStats resume(long id, Principal actor) {
        return service.resume(id);
    }

    @Override
    public CampaignStats cancel(long id, Principal actor) {
        return service.cancel(id);
    }

    @Override
    public CampaignStats stats(long id) {
        return service.stats(id, 0);
    }

    @Override
    public List<Recipient> recipients(long id, int run, int page, int size) {
        return service.recipients(id, run, page, size);
    }

    @Override
    public Rendered render(long id, long contactId) {
        return service.render(id, contactId);
    }

    @Override
    public Rendered render(CampaignInput input, long contactId) {
        return service.render(input, contactId);
    }

    @Override
    public Rendered render(long id, long contactId, int step) {
        return service.render(id, contactId, step);
    }

    @Override
    public Rendered render(CampaignInput input, long contactId, int step) {
        return service.render(input, contactId, step);
    }

    @Override
    public String testSend(long id, long contactId, Principal actor) {
        return service.testSend(id, contactId, actor);
    }

    @Override
    public String testSendToSelf(long id, long contactId, Principal actor) {
        return service.testSendToSelf(id, contactId, actor);
    }
}

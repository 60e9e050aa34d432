package org.rapport.campaigns.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.rapport.conversations.ConversationEvents;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results per recipient from other bundles' events: the outbox's delivery status of a campaign
 * message (by its key), a reply from a recipient, an opt-out after a message.
 */
@Component(service = EventHandler.class, configurationPid = "org.rapport.campaigns", property = {
    EventConstants.EVENT_TOPIC + "=" + ConversationEvents.MESSAGE_STATUS,
    EventConstants.EVENT_TOPIC + "=" + ConversationEvents.MESSAGE_RECEIVED,
    EventConstants.EVENT_TOPIC + "=org/rapport/compliance/consent/CHANGED"})
public final class ResultsListener implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ResultsListener.class);
    /** How far a delivery status has come; a later event never moves it back. */
    private static final Map<String, Integer> RANK = Map.of("sent", 1, "blocked", 2, "failed", 2, "bounced", 3, "delivered", 3, "read", 4);

    private final Store store;
    private final Settings settings;
    private final Clock clock;
    private final CampaignRepository repo = new CampaignRepository();

    @Activate
    public ResultsListener(@Reference Store store, @Reference(target = "(bundle=org.rapport.campaigns)") SchemaReady schema,
            CampaignsConfig config) {
        this(store, Settings.of(config), Clock.systemUTC());
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
                case ConversationEvents.MESSAGE_STATUS -> status(String.valueOf(event.getProperty(ConversationEvents.KEY)),
                        String.valueOf(event.getProperty(ConversationEvents.STATUS)));
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

    /** Records a delivery status of a campaign message (of its step, for a follow-up step's key); other keys are ignored. */
    void status(String key, String status) {
        var parsed = CampaignKeys.parse(key);
        if (parsed.isEmpty() || !RANK.containsKey(status)) {
            return;
        }
        var k = parsed.get();
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            var runId = repo.runId(tx.handle(), k.campaignId(), k.runNo());
            if (runId.isEmpty()) {
                return null;
            }
            var current = k.step() == 0 ? repo.delivery(tx.handle(), runId.get(), k.contactId())
                    : repo.stepDelivery(tx.handle(), runId.get(), k.contactId(), k.step());
            if (current.isPresent() && RANK.getOrDefault(current.get(), 0) < RANK.get(status)) {
                if (k.step() == 0) {
                    repo.setDelivery(tx.handle(), runId.get(), k.contactId(), status, now);
                } else {
                    repo.setStepDelivery(tx.handle(), runId.get(), k.contactId(), k.step(), status, now);
                }
            }
            return null;
        });
    }

    void contact(Object contactId, String column) {
        if (!(contactId instanceof Number n)) {
            return;
        }
        Instant since = clock.instant().minus(settings.attributionDays(), ChronoUnit.DAYS);
        store.inTransaction(tx -> repo.markAfter(tx.handle(), n.longValue(), column, since));
    }
}

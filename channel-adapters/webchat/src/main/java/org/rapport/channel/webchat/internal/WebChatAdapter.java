package org.rapport.channel.webchat.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.channel.webchat.WebChatSessions;
import org.rapport.conversations.Conversations;
import org.rapport.conversations.Message;
import org.rapport.conversations.Messenger;
import org.rapport.conversations.Outgoing;
import org.rapport.conversations.SendOutcome;
import org.rapport.conversations.channel.ChannelAdapter;
import org.rapport.conversations.channel.DeliveryReport;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.InboundSink;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.Received;
import org.rapport.conversations.channel.SendResult;
import org.rapport.records.Contact;
import org.rapport.records.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web chat channel adapter ({@code channel=webchat}): owns the chat sessions and the protocol
 * engine the WebSocket and long-poll endpoints talk to, and delivers what the conversations core
 * sends to the visitor's browser. Sessions are saved under {@code DATA/webchat/} every second and
 * when the bundle stops, so browsers resume where they were when it is back.
 */
@Component(service = {ChannelAdapter.class, WebChatSessions.class, WebChatAdapter.class}, configurationPid = WebChatConfig.PID,
        property = ChannelAdapter.CHANNEL + "=" + ChatEngine.CHANNEL)
@Designate(ocd = WebChatConfig.class)
public final class WebChatAdapter implements ChannelAdapter, WebChatSessions {

    private static final Logger LOG = LoggerFactory.getLogger(WebChatAdapter.class);

    private final ChatEngine engine;
    private final SessionStore store;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "rapport-webchat-housekeeping"));
    private volatile Settings settings;

    @Activate
    public WebChatAdapter(BundleContext context, @Reference InboundSink inbound, @Reference Messenger messenger,
            @Reference Conversations conversations, @Reference Records records, WebChatConfig config) {
        this.settings = Settings.of(config);
        Path data = Path.of(context.getProperty("rapport.data"));
        Path dir = data.resolve("webchat");
        this.store = new SessionStore(dir.resolve("sessions.json"));
        try {
            store.load();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Chat sessions could not be read back ({}); visitors start new sessions", e.toString());
        }
        this.engine = new ChatEngine(new ServicePeers(inbound, messenger, conversations, records), store, () -> settings,
                Clock.systemUTC(), data);
        housekeeping.scheduleWithFixedDelay(this::housekeeping, 1, 1, TimeUnit.SECONDS);
    }

    @Modified
    void modified(WebChatConfig config) {
        settings = Settings.of(config);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        housekeeping.shutdown();
        housekeeping.awaitTermination(5, TimeUnit.SECONDS);
        engine.closeAll(1001, "The chat service is restarting");
        save();
    }

    private void housekeeping() {
        store.expire(Clock.systemUTC().instant(), settings.sessionLifetime());
        save();
    }

    private void save() {
        try {
            store.saveIfChanged();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Chat sessions could not be saved: {}", e.toString());
        }
    }

    ChatEngine engine() {
        return engine;
    }

    Settings settings() {
        return settings;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return engine.deliver(message);
    }

    @Override
    public int connected() {
        return engine.connected();
    }

    @Override
    public int sessions() {
        return store.all().size();
    }

    @Override
    public boolean online(String sessionId) {
        ChatSession s = store.byId(sessionId);
        return s != null && !s.connections.isEmpty();
    }

    /** The engine's peers, from the OSGi services. */
    private record ServicePeers(InboundSink inbound, Messenger messenger, Conversations conversations, Records records)
            implements ChatPeers {

        @Override
        public Received receive(InboundMessage message) {
            return inbound.receive(message);
        }

        @Override
        public void delivery(DeliveryReport report) {
            inbound.delivery(report);
        }

        @Override
        public SendOutcome send(Outgoing message) {
            return messenger.send(message);
        }

        @Override
        public Optional<ContactRef> contactByEmail(String email) {
            return records.contactsByEmail(email).stream().max(Comparator.comparing(Contact::updatedAt)).map(ServicePeers::ref);
        }

        @Override
        public Optional<ContactRef> contact(long id) {
            return records.contact(id).map(ServicePeers::ref);
        }

        private static ContactRef ref(Contact c) {
            return new ContactRef(c.id(), c.name(), c.language());
        }

        @Override
        public Optional<Author> author(long conversationId, long messageId) {
            Message found = null;
            boolean earlierUnsent = false;
            for (Message m : conversations.messages(conversationId)) {
                if (m.id() == messageId) {
                    found = m;
                } else if (m.id() < messageId && "outbound".equals(m.direction()) && "queued".equals(m.status())) {
                    earlierUnsent = true;
                }
            }
            return found == null ? Optional.empty() : Optional.of(new Author(found.author(), found.staffName(), earlierUnsent));
        }

        @Override
        public List<Line> transcript(long conversationId) {
            return conversations.messages(conversationId).stream()
                    .filter(m -> "inbound".equals(m.direction()) || "outbound".equals(m.direction()) && !"blocked".equals(m.status()))
                    .map(m -> new Line(m.id(), "inbound".equals(m.direction()) ? "me" : m.author(), m.staffName(), m.text(),
                            m.createdAt().toEpochMilli()))
                    .toList();
        }
    }
}

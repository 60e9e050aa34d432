package org.rapport.channel.email.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.rapport.channel.email.Undeliverable;
import org.rapport.conversations.channel.ChannelAdapter;
import org.rapport.conversations.channel.InboundSink;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.SendResult;
import org.rapport.health.Health;
import org.rapport.health.HealthCheck;
import org.rapport.store.SchemaReady;
import org.rapport.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox of the email channel (a factory configuration each): the {@link ChannelAdapter} for
 * {@code channel=email}, {@code channel.account=<name>} that sends over SMTP, and the IMAP reader
 * that hands inbound mail to the conversations core. A configuration change takes effect at once:
 * the reader is stopped and started again with the new values; sends use the new values from then on.
 */
@Component(service = {ChannelAdapter.class, HealthCheck.class, Mailbox.class}, configurationPid = MailboxConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = ChannelAdapter.CHANNEL + "=email")
@Designate(ocd = MailboxConfig.class, factory = true)
public final class Mailbox implements ChannelAdapter, HealthCheck {

    private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);

    private final InboundSink sink;
    private final Undeliverable undeliverable;
    private final MailboxState state;
    private final Path dataDir;
    private final ScheduledExecutorService timer;
    private volatile Running running;

    /** The parts built from one configuration. */
    private record Running(MailboxConfig config, SmtpSender sender, ImapReader reader, Thread thread) {}

    @Activate
    public Mailbox(BundleContext context, MailboxConfig config, @Reference InboundSink sink, @Reference Undeliverable undeliverable,
            @Reference Store store, @Reference(target = "(bundle=org.rapport.channel.email)") SchemaReady schema) throws Exception {
        this(config, sink, undeliverable, new MailboxState(store.jdbi()), dataDir(context));
    }

    Mailbox(MailboxConfig config, InboundSink sink, Undeliverable undeliverable, MailboxState state, Path dataDir) throws Exception {
        this.sink = sink;
        this.undeliverable = undeliverable;
        this.state = state;
        this.dataDir = dataDir;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rapport-email-" + config.channel_account() + "-timer");
            t.setDaemon(true);
            return t;
        });
        MailSessions.mailboxStarted();
        try {
            start(config);
        } catch (Exception | Error e) {
            MailSessions.mailboxStopped();
            timer.shutdownNow();
            throw e;
        }
    }

    @Modified
    void modified(MailboxConfig config) throws Exception {
        stopReader();
        start(config);
    }

    @Deactivate
    void deactivate() {
        stopReader();
        timer.shutdownNow();
        MailSessions.mailboxStopped();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        return running.sender().send(message);
    }

    /** The IMAP reader's state: {@code STARTING}, {@code CONNECTED}, {@code RECONNECTING}, {@code STOPPED} or {@code OFF}. */
    public String readerStatus() {
        ImapReader r = running.reader();
        return r == null ? "OFF" : r.status().name();
    }

    /** {@code email-<mailbox>}: the key of this mailbox's section in /health. */
    @Override
    public String name() {
        return "email-" + running.config().channel_account();
    }

    /**
     * UP while the IMAP reader is connected (or the mailbox only sends); DEGRADED while it
     * connects or reconnects — a mail server outage never takes the whole server DOWN.
     */
    @Override
    public Health check() {
        Running r = running;
        Map<String, Object> details = Map.of("address", r.config().address(), "reader", readerStatus(), "handled", handled());
        ImapReader reader = r.reader();
        if (reader == null || reader.status() == ImapReader.Status.CONNECTED) {
            return Health.up(reader == null ? "sending only" : "reading " + r.config().folder()).withDetails(details);
        }
        String error = reader.lastError();
        return Health.degraded("IMAP " + reader.status().name().toLowerCase(Locale.ROOT),
                error == null ? List.of() : List.of("IMAP " + r.config().imapHost() + ":" + r.config().imapPort() + ": " + error))
                .withDetails(details);
    }

    /** How many mails the reader handled since it started. */
    public long handled() {
        ImapReader r = running.reader();
        return r == null ? 0 : r.handled();
    }

    public String account() {
        return running.config().channel_account();
    }

    private synchronized void start(MailboxConfig config) throws Exception {
        if (config.address() == null || !config.address().contains("@")) {
            throw new IllegalArgumentException("mailbox " + config.channel_account() + ": 'address' must be an email address");
        }
        SmtpSender sender = new SmtpSender(config, undeliverable);
        ImapReader reader = null;
        Thread thread = null;
        if (config.receive()) {
            MailParser parser = new MailParser(new MailParser.Limits(config.maxAttachmentBytes(), config.maxAttachments(),
                    Arrays.stream(config.refusedExtensions()).map(e -> e.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")).toList()));
            InboundHandler handler = new InboundHandler(config.channel_account(), config.address(), parser, sink, undeliverable,
                    new AttachmentStore(dataDir), state);
            reader = new ImapReader(config, handler, state, timer);
            thread = new Thread(reader, "rapport-email-" + config.channel_account());
            thread.setDaemon(true);
        }
        running = new Running(config, sender, reader, thread);
        if (thread != null) {
            thread.start();
        }
        LOG.info("Mailbox {} ({}) started: SMTP {}:{}, {}", config.channel_account(), config.address(), config.smtpHost(), config.smtpPort(),
                config.receive() ? "IMAP " + config.imapHost() + ":" + config.imapPort() + " " + config.folder() : "not reading mail");
    }

    private synchronized void stopReader() {
        Running r = running;
        if (r != null && r.reader() != null) {
            r.reader().stop(5000);
        }
        if (r != null) {
            r.sender().close();
        }
    }

    private static Path dataDir(BundleContext context) {
        String data = context.getProperty("rapport.data");
        return Path.of(data == null ? "data" : data);
    }

}

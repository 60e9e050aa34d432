package org.rapport.channel.devmail.internal;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.rapport.channel.devmail.DevMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In demo mode ({@code rapport.demo=true}, or {@code rapport.devmail.enabled=true} for tests) starts GreenMail on 127.0.0.1 — SMTP on
 * {@code RAPPORT_DEVMAIL_SMTP_PORT} (3025), IMAP on {@code RAPPORT_DEVMAIL_IMAP_PORT} (3143); the
 * framework properties {@code rapport.devmail.smtp.port} / {@code .imap.port} win, and 0 picks a
 * free port — registers {@link DevMail}, and configures the demo's support mailbox (factory
 * configuration {@code org.rapport.channel.email.mailbox~demo}) against it. Outside demo mode it
 * does nothing.
 */
@Component(immediate = true)
public final class DevMailServer implements DevMail {

    private static final Logger LOG = LoggerFactory.getLogger(DevMailServer.class);
    static final String MAILBOX_PID = "org.rapport.channel.email.mailbox";
    static final String DEFAULT_SUPPORT = "service@harbourbank.example.com";
    private static final ClassLoader MAIL_PROVIDER = org.eclipse.angus.mail.imap.IMAPStore.class.getClassLoader();

    private final GreenMail server;
    private final String support;
    private final int smtpPort;
    private final int imapPort;
    private final ServiceRegistration<DevMail> registration;
    private final Map<GreenMailUser, List<StoredMessage>> kept = new java.util.LinkedHashMap<>();

    @Activate
    public DevMailServer(BundleContext context, @Reference ConfigurationAdmin configAdmin) throws IOException {
        if (!Boolean.parseBoolean(context.getProperty("rapport.demo")) && !Boolean.parseBoolean(context.getProperty("rapport.devmail.enabled"))) {
            server = null;
            support = null;
            smtpPort = imapPort = 0;
            registration = null;
            return;
        }
        support = setting(context, "rapport.devmail.support", "RAPPORT_DEVMAIL_SUPPORT", DEFAULT_SUPPORT);
        smtpPort = port(setting(context, "rapport.devmail.smtp.port", "RAPPORT_DEVMAIL_SMTP_PORT", "3025"));
        imapPort = port(setting(context, "rapport.devmail.imap.port", "RAPPORT_DEVMAIL_IMAP_PORT", "3143"));
        server = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        // any address works: a mailbox is made on first delivery or login
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication().withUser(support, support, support));
        start();
        configureSupportMailbox(configAdmin);
        registration = context.registerService(DevMail.class, this, null);
        String banner = String.format("Dev mail server (demo): SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d; support mailbox %s. "
                + "Any address works; log in with the address as user and password.", smtpPort, imapPort, support);
        LOG.info(banner);
        System.out.println(banner);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (server != null) {
            stop();
        }
    }

    @Override
    public int smtpPort() {
        return smtpPort;
    }

    @Override
    public int imapPort() {
        return imapPort;
    }

    @Override
    public String supportAddress() {
        return support;
    }

    @Override
    public List<Mail> inbox(String address) {
        GreenMailUser user = server.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(MAIL_PROVIDER);
        try {
            List<Mail> result = new ArrayList<>();
            for (StoredMessage stored : server.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                MimeMessage m = stored.getMimeMessage();
                result.add(new Mail(m.getMessageID(), m.getHeader("In-Reply-To", null), m.getHeader("References", null),
                        m.getFrom() == null ? null : ((InternetAddress) m.getFrom()[0]).getAddress(), m.getSubject(), text(m)));
            }
            return result;
        } catch (FolderException | MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return part.isMimeType("text/*") ? s : "";
        }
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String t = text(mp.getBodyPart(i));
                if (!t.isEmpty()) {
                    return t;
                }
            }
        }
        return "";
    }

    @Override
    public synchronized boolean running() {
        return server.getSmtp() != null && server.getSmtp().isRunning();
    }

    @Override
    public synchronized void stop() {
        // GreenMail forgets its mailboxes when it stops: keep them, to put back on start
        kept.clear();
        for (GreenMailUser user : server.getUserManager().listUser()) {
            try {
                kept.put(user, new ArrayList<>(server.getManagers().getImapHostManager().getInbox(user).getMessages()));
            } catch (FolderException e) {
                LOG.warn("Dev mail server: the inbox of {} could not be kept over the restart: {}", user.getEmail(), e.getMessage());
            }
        }
        server.stop();
    }

    @Override
    public synchronized void start() {
        // GreenMail parses and stores mail with Jakarta Mail, which finds its providers through the
        // context class loader; the server's threads inherit it from here
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(MAIL_PROVIDER);
        try {
            server.start();
            restoreMailboxes();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Puts back the mailboxes and mail kept at {@link #stop()} (new UIDs and UIDVALIDITY, like a restored server). */
    private void restoreMailboxes() {
        for (Map.Entry<GreenMailUser, List<StoredMessage>> e : kept.entrySet()) {
            GreenMailUser old = e.getKey();
            try {
                GreenMailUser user = server.getUserManager().getUserByEmail(old.getEmail());
                if (user == null) {
                    user = server.getUserManager().createUser(old.getEmail(), old.getLogin(), old.getPassword());
                }
                MailFolder inbox = server.getManagers().getImapHostManager().getInbox(user);
                for (StoredMessage m : e.getValue()) {
                    inbox.appendMessage(m.getMimeMessage(), m.getFlags(), m.getReceivedDate());
                }
            } catch (UserException | FolderException ex) {
                LOG.warn("Dev mail server: the inbox of {} could not be put back: {}", old.getEmail(), ex.getMessage());
            }
        }
        kept.clear();
    }

    private void configureSupportMailbox(ConfigurationAdmin admin) throws IOException {
        Configuration c = admin.getFactoryConfiguration(MAILBOX_PID, "demo", "?");
        Dictionary<String, Object> p = new Hashtable<>();
        for (Map.Entry<String, Object> e : Map.<String, Object>ofEntries(Map.entry("channel.account", "support"),
                Map.entry("address", support), Map.entry("displayName", "Harbour Bank Service"), Map.entry("service.ranking", 10),
                Map.entry("smtpHost", "127.0.0.1"), Map.entry("smtpPort", smtpPort), Map.entry("smtpSecurity", "none"),
                Map.entry("imapHost", "127.0.0.1"), Map.entry("imapPort", imapPort), Map.entry("imapSecurity", "none"),
                Map.entry("imapUser", support), Map.entry("imapPassword", support), Map.entry("pollSeconds", 5)).entrySet()) {
            p.put(e.getKey(), e.getValue());
        }
        c.updateIfDifferent(p);
    }

    private static String setting(BundleContext context, String property, String env, String fallback) {
        String v = context.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    /**
     * The port, or a free one for 0 (fixed from then on, so a restart keeps it). A port another
     * program holds (a second demo server, a mail server of the machine) is not fatal in demo mode:
     * a free one is taken instead, with a warning, and printed like the other.
     */
    private static int port(String value) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: " + value, e);
        }
        if (port != 0 && free(port)) {
            return port;
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            if (port != 0) {
                LOG.warn("Dev mail server: port {} is in use; using {} instead", port, s.getLocalPort());
            }
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package org.rapport.channel.email.internal;

import jakarta.mail.Session;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * Jakarta Mail sessions for one mailbox, and the thread context class loader Jakarta Mail needs in
 * OSGi: it finds its providers (SMTP, IMAP, the stream provider) through the context class loader,
 * so every use runs with it set to the Angus Mail bundle's loader (and must: while a mailbox runs, the
 * stream provider is named in a system property, see {@link #mailboxStarted()}).
 */
final class MailSessions {

    private static final ClassLoader PROVIDER_LOADER = org.eclipse.angus.mail.smtp.SMTPTransport.class.getClassLoader();

    /** The system property Jakarta Mail reads first when it looks up its stream provider. */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    /** The running mailboxes, and whether the property was set here (and so is removed here when the last one stops). */
    private static int mailboxes;
    private static String namedHere;

    private MailSessions() {
    }

    /**
     * Names the stream provider for Jakarta Mail while a mailbox runs. Jakarta Mail 2.1 looks it up again on every body
     * part, multipart, encoder and write ({@code FactoryFinder}, no cache); in OSGi that is SPI Fly's service loader
     * reading the provider bundle's {@code META-INF/services} entry each time: over half the sender threads' CPU in a
     * campaign (18.5 against 8.5 CPU s for 10,000 mails with the class named). Named in the system property, the class
     * is loaded by name
     * from the context class loader: every use of Jakarta Mail in this bundle (and in the devmail bundle) runs
     * {@link #withProvider with} the provider's loader as context class loader, so it finds it. A property someone
     * else set is left alone; the one set here is removed when the last mailbox stops.
     */
    static synchronized void mailboxStarted() throws Exception {
        if (mailboxes++ == 0 && System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            namedHere = withProvider(() -> jakarta.mail.util.StreamProvider.provider().getClass().getName());
            System.setProperty(STREAM_PROVIDER_PROPERTY, namedHere);
        }
    }

    /** The counterpart of {@link #mailboxStarted()}. */
    static synchronized void mailboxStopped() {
        if (mailboxes > 0 && --mailboxes == 0 && namedHere != null) {
            if (namedHere.equals(System.getProperty(STREAM_PROVIDER_PROPERTY))) {
                System.clearProperty(STREAM_PROVIDER_PROPERTY);
            }
            namedHere = null;
        }
    }

    /** Runs {@code work} with the mail provider's class loader as the context class loader. */
    static <T> T withProvider(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(PROVIDER_LOADER);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** A session for sending: protocol {@code smtp} or {@code smtps}, timeouts, STARTTLS as configured. */
    static Session smtp(MailboxConfig c) throws Exception {
        Properties p = new Properties();
        String protocol = "ssl".equals(c.smtpSecurity()) ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        p.put("mail.transport.protocol", protocol);
        p.put(prefix + "host", c.smtpHost());
        p.put(prefix + "port", Integer.toString(c.smtpPort()));
        p.put(prefix + "auth", Boolean.toString(!c.smtpUser().isBlank()));
        if ("starttls".equals(c.smtpSecurity())) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (!"none".equals(c.smtpSecurity())) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        timeouts(p, prefix, c);
        p.put(prefix + "from", c.address());
        return withProvider(() -> Session.getInstance(p));
    }

    /** A session for reading: {@code imap} or {@code imaps}. */
    static Session imap(MailboxConfig c) throws Exception {
        Properties p = new Properties();
        String protocol = imapProtocol(c);
        String prefix = "mail." + protocol + ".";
        p.put("mail.store.protocol", protocol);
        p.put(prefix + "host", c.imapHost());
        p.put(prefix + "port", Integer.toString(c.imapPort()));
        if ("starttls".equals(c.imapSecurity())) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (!"none".equals(c.imapSecurity())) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        timeouts(p, prefix, c);
        // fetch whole bodies in large blocks: fewer round trips per mail
        p.put(prefix + "fetchsize", "1048576");
        p.put(prefix + "partialfetch", "false");
        // reading a mail must not flag it \Seen: it is flagged once handled
        p.put(prefix + "peek", "true");
        return withProvider(() -> Session.getInstance(p));
    }

    static String imapProtocol(MailboxConfig c) {
        return "ssl".equals(c.imapSecurity()) ? "imaps" : "imap";
    }

    static String imapUser(MailboxConfig c) {
        return c.imapUser().isBlank() ? c.address() : c.imapUser();
    }

    private static void timeouts(Properties p, String prefix, MailboxConfig c) {
        String millis = Integer.toString(Math.max(1, c.timeoutSeconds()) * 1000);
        p.put(prefix + "connectiontimeout", millis);
        p.put(prefix + "timeout", millis);
        p.put(prefix + "writetimeout", millis);
    }
}

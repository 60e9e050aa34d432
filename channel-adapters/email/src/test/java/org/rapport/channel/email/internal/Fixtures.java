package org.rapport.channel.email.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.List;
import org.rapport.testing.TestDb;

/** Shared pieces for the email tests: configurations, the database, corpus files. */
final class Fixtures {

    static final String ADDRESS = "support@rapport.test";

    private Fixtures() {
    }

    static TestDb db() throws Exception {
        return TestDb.open(TestDb.H2).migrate("db/migration/V1__email.sql");
    }

    static MailParser parser() {
        return new MailParser(new MailParser.Limits(1024 * 1024, 20, List.of("exe", "bat", "js")));
    }

    static byte[] corpus(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + name);
            }
            return in.readAllBytes();
        }
    }

    /** A mailbox configuration against a local test server. */
    static MailboxConfig config(String account, String address, int smtpPort, int imapPort, boolean idle, int pollSeconds) {
        return new MailboxConfig() {
            @Override public Class<? extends Annotation> annotationType() { return MailboxConfig.class; }
            @Override public String channel_account() { return account; }
            @Override public String address() { return address; }
            @Override public String displayName() { return "Rapport Support"; }
            @Override public int service_ranking() { return 0; }
            @Override public String smtpHost() { return "127.0.0.1"; }
            @Override public int smtpPort() { return smtpPort; }
            @Override public String smtpSecurity() { return "none"; }
            @Override public String smtpUser() { return ""; }
            @Override public String smtpPassword() { return ""; }
            @Override public boolean receive() { return imapPort > 0; }
            @Override public String imapHost() { return "127.0.0.1"; }
            @Override public int imapPort() { return imapPort; }
            @Override public String imapSecurity() { return "none"; }
            @Override public String imapUser() { return address; }
            @Override public String imapPassword() { return address; }
            @Override public String folder() { return "INBOX"; }
            @Override public boolean idle() { return idle; }
            @Override public int pollSeconds() { return pollSeconds; }
            @Override public int maxBackoffSeconds() { return 2; }
            @Override public int ingestThreads() { return 2; }
            @Override public int timeoutSeconds() { return 10; }
            @Override public int maxMessageBytes() { return 5 * 1024 * 1024; }
            @Override public int maxAttachmentBytes() { return 1024 * 1024; }
            @Override public int maxAttachments() { return 20; }
            @Override public String[] refusedExtensions() { return new String[] {"exe"}; }
            @Override public String defaultSubject() { return "Your message"; }
        };
    }
}

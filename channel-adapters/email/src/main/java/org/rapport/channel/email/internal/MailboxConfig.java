package org.rapport.channel.email.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One mailbox of the email channel: a factory configuration (factory PID {@value #PID}), one per
 * mailbox; a change takes effect at once (the IMAP reader reconnects with the new values).
 */
@ObjectClassDefinition(id = MailboxConfig.PID, name = "Email mailbox",
        description = "A mailbox the email channel sends from (SMTP) and reads (IMAP).")
public @interface MailboxConfig {

    String PID = "org.rapport.channel.email.mailbox";

    @AttributeDefinition(name = "Mailbox name", description = "The channel account: conversations of this mailbox answer from it")
    String channel_account() default "support";

    @AttributeDefinition(name = "Address", description = "The mailbox's address, e.g. support@example.com (From of what is sent)")
    String address();

    @AttributeDefinition(name = "Display name", description = "Shown beside the address in From")
    String displayName() default "";

    @AttributeDefinition(name = "Ranking", description = "service.ranking: the highest-ranked mailbox sends mail of no particular mailbox")
    int service_ranking() default 0;

    @AttributeDefinition(name = "SMTP host")
    String smtpHost() default "localhost";

    @AttributeDefinition(name = "SMTP port")
    int smtpPort() default 587;

    @AttributeDefinition(name = "SMTP security", options = {@Option(label = "STARTTLS (required)", value = "starttls"),
            @Option(label = "TLS (SMTPS)", value = "ssl"), @Option(label = "None (local test servers only)", value = "none")})
    String smtpSecurity() default "starttls";

    @AttributeDefinition(name = "SMTP user", description = "Empty: no authentication", required = false)
    String smtpUser() default "";

    @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD, required = false)
    String smtpPassword() default "";

    @AttributeDefinition(name = "Read mail", description = "Read the mailbox over IMAP (off: send only)")
    boolean receive() default true;

    @AttributeDefinition(name = "IMAP host")
    String imapHost() default "localhost";

    @AttributeDefinition(name = "IMAP port")
    int imapPort() default 993;

    @AttributeDefinition(name = "IMAP security", options = {@Option(label = "TLS (IMAPS)", value = "ssl"),
            @Option(label = "STARTTLS (required)", value = "starttls"), @Option(label = "None (local test servers only)", value = "none")})
    String imapSecurity() default "ssl";

    @AttributeDefinition(name = "IMAP user", description = "Empty: the address", required = false)
    String imapUser() default "";

    @AttributeDefinition(name = "IMAP password", type = AttributeType.PASSWORD, required = false)
    String imapPassword() default "";

    @AttributeDefinition(name = "Folder")
    String folder() default "INBOX";

    @AttributeDefinition(name = "Use IMAP IDLE", description = "Wait for new mail with IDLE where the server offers it; else poll")
    boolean idle() default true;

    @AttributeDefinition(name = "Poll interval (s)", description = "Polling interval, and how often an IDLE is renewed")
    int pollSeconds() default 30;

    @AttributeDefinition(name = "Longest reconnect wait (s)", description = "Reconnects back off from 1 s doubling up to this")
    int maxBackoffSeconds() default 300;

    @AttributeDefinition(name = "Mails handled at once",
            description = "Mails of different senders are handled in parallel; one sender's mails always in order")
    int ingestThreads() default 2;

    @AttributeDefinition(name = "Network timeout (s)")
    int timeoutSeconds() default 30;

    @AttributeDefinition(name = "Largest mail (bytes)", description = "Larger mail is set aside with the reason, not read")
    int maxMessageBytes() default 26_214_400;

    @AttributeDefinition(name = "Largest attachment kept (bytes)")
    int maxAttachmentBytes() default 10_485_760;

    @AttributeDefinition(name = "Most attachments kept per mail")
    int maxAttachments() default 20;

    @AttributeDefinition(name = "Refused attachment extensions", description = "Attachments with these file extensions are not kept")
    String[] refusedExtensions() default {"exe", "bat", "cmd", "com", "scr", "pif", "js", "vbs", "jar", "msi", "ps1", "hta", "lnk"};

    @AttributeDefinition(name = "Subject when none is given")
    String defaultSubject() default "Your message";
}

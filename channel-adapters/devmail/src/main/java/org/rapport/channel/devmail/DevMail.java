package org.rapport.channel.devmail;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The running development mail server (demo mode only): SMTP and IMAP on localhost, any address
 * accepted, a mailbox created on first use (login = the address; the password is not checked).
 *
 * @since 0.1
 */
@ProviderType
public interface DevMail {

    /** The SMTP port. */
    int smtpPort();

    /** The IMAP port. */
    int imapPort();

    /** The demo's support mailbox address. */
    String supportAddress();

    /**
     * One mail in a mailbox, as a mail client shows it.
     *
     * @param messageId the Message-ID
     * @param inReplyTo the In-Reply-To header, or {@code null}
     * @param references the References header, or {@code null}
     * @param from the sender's address
     * @param subject the subject
     * @param text the text part
     */
    record Mail(String messageId, String inReplyTo, String references, String from, String subject, String text) {}

    /** The mail in {@code address}'s inbox, oldest first (empty when the mailbox does not exist yet). */
    List<Mail> inbox(String address);

    /** Whether the server is running. */
    boolean running();

    /**
     * Stops the server; mailboxes and their mail are kept and put back by {@link #start()} (with new
     * UIDs and a new UIDVALIDITY, as a server restored from a backup).
     */
    void stop();

    /** Starts the server again after {@link #stop()}. */
    void start();
}

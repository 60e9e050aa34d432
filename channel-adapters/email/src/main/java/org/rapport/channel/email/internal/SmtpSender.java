package org.rapport.channel.email.internal;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.rapport.channel.email.Undeliverable;
import org.rapport.conversations.channel.OutboundMessage;
import org.rapport.conversations.channel.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbound messages over SMTP for one mailbox, keeping up to four connections open between
 * sends. Permanent refusals (a bad or undeliverable
 * address, a 5xx answer) are {@code failed}; everything else (no connection, 4xx) is {@code retry}.
 */
final class SmtpSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);
    private static final int MAX_IDLE_CONNECTIONS = 4;

    private final MailboxConfig config;
    private final Session session;
    private final Undeliverable undeliverable;
    /** Connected transports between sends, most recently used first. */
    private final BlockingDeque<Transport> idle = new LinkedBlockingDeque<>(MAX_IDLE_CONNECTIONS);
    private volatile boolean closed;

    SmtpSender(MailboxConfig config, Undeliverable undeliverable) throws Exception {
        this.config = config;
        this.session = MailSessions.smtp(config);
        this.undeliverable = undeliverable;
    }

    SendResult send(OutboundMessage message) {
        if (message.to() == null || message.to().isBlank()) {
            return SendResult.failed("no recipient address");
        }
        try {
            new InternetAddress(message.to(), true).validate();
        } catch (AddressException e) {
            return SendResult.failed("not an email address: " + e.getMessage());
        }
        if (undeliverable.isUndeliverable(message.to())) {
            return SendResult.failed("undeliverable address (it hard-bounced): " + undeliverable.find(message.to())
                    .map(Undeliverable.Entry::reason).orElse(""));
        }
        try {
            return MailSessions.withProvider(() -> transmit(message));
        } catch (Exception e) {
            return SendResult.retry(e.toString(), null);
        }
    }

    private SendResult transmit(OutboundMessage message) {
        MimeMessage mail;
        try {
            mail = MailComposer.compose(session, config, message);
        } catch (MessagingException | RuntimeException e) {
            return SendResult.failed("cannot compose the mail: " + e.getMessage());
        }
        String messageId;
        try {
            messageId = mail.getMessageID();
            send(mail);
        } catch (SendFailedException e) {
            return refused(e);
        } catch (AuthenticationFailedException e) {
            LOG.warn("SMTP login to {} refused for mailbox {}", config.smtpHost(), config.channel_account());
            return SendResult.retry("SMTP login refused: " + e.getMessage(), Duration.ofMinutes(5));
        } catch (MessagingException e) {
            return SendResult.retry("SMTP: " + e.getMessage(), null);
        }
        return SendResult.sent(messageId);
    }

    /**
     * Sends over a kept connection when one is idle (a connection the server dropped meanwhile is
     * replaced once), else over a new one; the connection is kept for the next send.
     */
    private void send(MimeMessage mail) throws MessagingException {
        Transport reused = idle.pollFirst();
        if (reused != null) {
            try {
                reused.sendMessage(mail, mail.getAllRecipients());
                keep(reused);
                return;
            } catch (SendFailedException e) {
                keep(reused);
                throw e;
            } catch (MessagingException e) {
                close(reused); // a stale connection: try once more on a new one
            }
        }
        Transport transport = session.getTransport("ssl".equals(config.smtpSecurity()) ? "smtps" : "smtp");
        if (config.smtpUser().isBlank()) {
            transport.connect();
        } else {
            transport.connect(config.smtpHost(), config.smtpPort(), config.smtpUser(), config.smtpPassword());
        }
        try {
            transport.sendMessage(mail, mail.getAllRecipients());
        } catch (SendFailedException e) {
            keep(transport);
            throw e;
        } catch (MessagingException e) {
            close(transport);
            throw e;
        }
        keep(transport);
    }

    private void keep(Transport transport) {
        if (closed || !idle.offerFirst(transport)) {
            close(transport);
        }
    }

    /** Closes the kept connections; later sends open new ones. */
    void close() {
        closed = true;
        for (Transport t = idle.pollFirst(); t != null; t = idle.pollFirst()) {
            close(t);
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Closing an SMTP connection: {}", e.toString());
        }
    }

    private static SendResult refused(SendFailedException e) {
        Exception cause = e;
        for (Exception next = e; next != null; next = next instanceof MessagingException me ? me.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a) {
                return a.getReturnCode() >= 500 ? SendResult.failed("recipient refused: " + a.getReturnCode() + " " + a.getMessage())
                        : SendResult.retry("recipient deferred: " + a.getReturnCode() + " " + a.getMessage(), null);
            }
            if (next instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return SendResult.failed("refused: " + s.getReturnCode() + " " + s.getMessage());
            }
            cause = next;
        }
        if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
            return SendResult.failed("invalid recipient: " + e.getMessage());
        }
        return SendResult.retry("SMTP: " + cause.getMessage(), null);
    }
}

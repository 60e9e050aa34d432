package org.rapport.channel.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A MimeMessage whose Message-ID is the one given (Jakarta Mail would make a random one on save). */
final class KeyedMimeMessage extends MimeMessage {

    private final String messageId;

    KeyedMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}

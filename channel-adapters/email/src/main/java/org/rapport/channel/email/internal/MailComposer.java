package org.rapport.channel.email.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rapport.conversations.channel.OutboundMessage;

/**
 * Builds the MIME message for an outbound message: From the mailbox, the Message-ID derived from
 * the idempotency key, In-Reply-To / References from the conversation's thread, text with an HTML
 * alternative when there is one, and the unsubscribe headers of care and marketing mail.
 */
final class MailComposer {

    /** Extra headers a sender may set; anything else in {@link OutboundMessage#headers()} is ignored. */
    private static final Set<String> ALLOWED_HEADERS = Set.of("list-unsubscribe", "list-unsubscribe-post", "auto-submitted",
            "x-auto-response-suppress", "precedence", "list-id");

    private MailComposer() {
    }

    static MimeMessage compose(Session session, MailboxConfig config, OutboundMessage m) throws MessagingException {
        String domain = MessageIds.domainOf(config.address());
        MimeMessage mail = new KeyedMimeMessage(session, MessageIds.forKey(m.idempotencyKey(), domain));
        mail.setFrom(address(config.address(), config.displayName()));
        mail.setRecipient(Message.RecipientType.TO, address(m.to(), m.toName()));
        String subject = m.subject() == null || m.subject().isBlank() ? config.defaultSubject() : m.subject();
        mail.setSubject(oneLine(subject), "UTF-8");
        mail.setSentDate(new Date());
        List<String> references = new ArrayList<>();
        for (String ref : m.references()) {
            references.addAll(MessageIds.parse(ref));
        }
        String inReplyTo = m.inReplyTo() == null ? null : MessageIds.parse(m.inReplyTo()).stream().findFirst().orElse(null);
        if (inReplyTo != null) {
            mail.setHeader("In-Reply-To", inReplyTo);
            if (!references.contains(inReplyTo)) {
                references.add(inReplyTo);
            }
        }
        if (!references.isEmpty()) {
            mail.setHeader("References", String.join(" ", references));
        }
        for (Map.Entry<String, String> h : m.headers().entrySet()) {
            if (ALLOWED_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT)) && h.getValue() != null) {
                mail.setHeader(h.getKey(), oneLine(h.getValue()));
            }
        }
        boolean bulk = "care".equals(m.purpose()) || "marketing".equals(m.purpose());
        if (bulk && mail.getHeader("List-Unsubscribe") == null) {
            // the core gives an https one-click link when it can; a mailto link is the least every mail carries
            mail.setHeader("List-Unsubscribe", "<mailto:" + config.address() + "?subject=unsubscribe>");
        }
        if (mail.getHeader("Auto-Submitted") == null && "marketing".equals(m.purpose())) {
            mail.setHeader("Auto-Submitted", "auto-generated");
        }
        mail.setHeader("Content-Language", "zh".equals(m.language()) ? "zh" : "en");
        String text = m.text() == null ? "" : m.text();
        if (m.html() == null || m.html().isBlank()) {
            mail.setText(text, StandardCharsets.UTF_8.name(), "plain");
        } else {
            MimeMultipart alternatives = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
            alternatives.addBodyPart(plain);
            alternatives.addBodyPart(html);
            mail.setContent(alternatives);
        }
        mail.saveChanges();
        return mail;
    }

    private static InternetAddress address(String address, String name) throws MessagingException {
        InternetAddress a = new InternetAddress(address, true);
        if (name != null && !name.isBlank()) {
            try {
                a.setPersonal(oneLine(name), "UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
        return a;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}

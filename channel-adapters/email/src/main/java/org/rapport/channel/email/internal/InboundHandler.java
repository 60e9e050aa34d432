package org.rapport.channel.email.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rapport.channel.email.Undeliverable;
import org.rapport.conversations.channel.Attachment;
import org.rapport.conversations.channel.DeliveryReport;
import org.rapport.conversations.channel.InboundMessage;
import org.rapport.conversations.channel.InboundSink;
import org.rapport.conversations.channel.Received;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the fate of one inbound mail: a bounce becomes a delivery report (and a hard bounce marks
 * the address undeliverable), a loop risk or unusable mail is set aside with its reason, and a
 * person's mail is handed to the conversations with its new text, threading ids and attachments.
 * Only a failure of the conversations core itself throws, so the mail is tried again later.
 */
final class InboundHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);

    /** What became of a mail. */
    enum Kind { STORED, DUPLICATE, BOUNCE, REJECTED }

    /** The fate of one mail and why. */
    record Outcome(Kind kind, String reason, Received received) {}

    private final String account;
    private final String ownAddress;
    private final String ownDomain;
    private final MailParser parser;
    private final InboundSink sink;
    private final Undeliverable undeliverable;
    private final AttachmentStore attachments;
    private final MailboxState state;

    InboundHandler(String account, String ownAddress, MailParser parser, InboundSink sink, Undeliverable undeliverable,
            AttachmentStore attachments, MailboxState state) {
        this.account = account;
        this.ownAddress = ownAddress.toLowerCase(java.util.Locale.ROOT);
        this.ownDomain = MessageIds.domainOf(ownAddress);
        this.parser = parser;
        this.sink = sink;
        this.undeliverable = undeliverable;
        this.attachments = attachments;
        this.state = state;
    }

    /** A mail too large to read: set aside with its size. */
    Outcome tooLarge(long uid, long size, int max) {
        return reject(uid, null, "too-large", "the mail has " + size + " bytes, more than the limit of " + max);
    }

    Outcome handle(long uid, byte[] raw) {
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            return reject(uid, null, "malformed", "the mail could not be parsed: " + e.getMessage());
        }
        Optional<Bounce> bounce = BounceParser.parse(mail);
        if (bounce.isPresent()) {
            return bounce(uid, mail, bounce.get());
        }
        Optional<String> loop = LoopGuard.check(mail, Set.of(ownAddress), ownDomain);
        if (loop.isPresent()) {
            return reject(uid, mail, "loop", loop.get());
        }
        if (mail.from() == null) {
            return reject(uid, mail, "no-sender", mail.flags().getOrDefault("sender", "the mail has no sender address"));
        }
        ReplyText.Stripped stripped = ReplyText.strip(mail.text());
        Map<String, String> flags = new LinkedHashMap<>(mail.flags());
        if (stripped.quoteCut()) {
            flags.put("quote", "quoted history removed");
        }
        if (stripped.signatureCut()) {
            flags.put("signature", "signature removed");
        }
        String externalId = mail.messageId();
        if (externalId == null) {
            externalId = "<no-id." + contentKey(raw) + "@" + ownDomain + ">";
            flags.put("message-id", "the mail had no Message-ID");
        }
        List<Attachment> kept;
        try {
            kept = attachments.keep(account, mail.parts());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the attachments of mail " + uid, e);
        }
        InboundMessage message = new InboundMessage("email", account, externalId, mail.from(), mail.fromName(), mail.subject(),
                stripped.text(), mail.sentAt(), mail.references(), null, null, kept, flags);
        try {
            Received received = sink.receive(message);
            return new Outcome(received.duplicate() ? Kind.DUPLICATE : Kind.STORED, null, received);
        } catch (IllegalArgumentException e) {
            return reject(uid, mail, "refused", "the conversations refused it: " + e.getMessage());
        }
    }

    private Outcome bounce(long uid, ParsedMail mail, Bounce b) {
        if (b.delayed()) {
            return reject(uid, mail, "delay-notice", "a delivery delay notice" + (b.recipient() == null ? "" : " for " + b.recipient()));
        }
        if (b.hard() && b.recipient() != null && !b.recipient().equals(ownAddress)) {
            undeliverable.mark(b.recipient(), b.detail(), account);
            LOG.info("Mailbox {}: a recipient's address hard-bounced ({}); no more mail is sent to it", account, b.status());
        }
        if (b.originalMessageId() != null && MessageIds.isOurs(b.originalMessageId(), ownDomain)) {
            sink.delivery(new DeliveryReport("email", null, b.originalMessageId(), DeliveryReport.Status.BOUNCED,
                    (b.hard() ? "hard bounce: " : "bounce: ") + b.detail(), null));
        }
        return reject(uid, mail, "bounce", (b.hard() ? "hard" : "soft") + " bounce for " + b.recipient() + ": " + b.detail());
    }

    private Outcome reject(long uid, ParsedMail mail, String kind, String reason) {
        state.rejected(account, uid, mail, kind, reason);
        return new Outcome("bounce".equals(kind) ? Kind.BOUNCE : Kind.REJECTED, kind + ": " + reason, null);
    }

    private static String contentKey(byte[] raw) {
        return Long.toHexString(java.util.Arrays.hashCode(raw)) + "." + raw.length;
    }
}

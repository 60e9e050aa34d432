package org.rapport.channel.email.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Mail that must not reach a conversation, because answering it would start or feed a mail loop:
 * automatic replies (RFC 3834 {@code Auto-Submitted}, {@code X-Autoreply}), bulk and list mail
 * ({@code Precedence}, {@code List-Id}), out-of-office notices in Chinese and English, mail from
 * mailer daemons and no-reply senders, and our own mail coming back.
 */
final class LoopGuard {

    private static final Pattern OUT_OF_OFFICE = Pattern.compile(
            "^\\s*(\\[?(auto(matic)?[ -]?(reply|response|antwort)|autoreply|out of (the )?office|ooo|away from (the )?office|"
                    + "on (annual )?leave|vacation reply|abwesenheitsnotiz|r[ée]ponse automatique)\\]?|自动回复|自動回覆|自動回复|"
                    + "自动答复|自動答覆|外出|休假|不在办公室|不在辦公室|假期自动回复)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply", "auto-reply");
    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster|mail-daemon|maildaemon)@.*");
    private static final Pattern NO_REPLY = Pattern.compile("^(no[-_.]?reply|do[-_.]?not[-_.]?reply|noreply-[^@]*|bounces?[-+][^@]*)@.*");

    private LoopGuard() {
    }

    /**
     * Why {@code mail} must not be answered, or empty when it is a person's mail.
     *
     * @param ownAddresses our mailboxes' addresses, lower-case
     * @param ownDomain the domain our Message-IDs are made in
     */
    static Optional<String> check(ParsedMail mail, Set<String> ownAddresses, String ownDomain) {
        String auto = mail.header("auto-submitted");
        if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("automatic mail (Auto-Submitted: " + auto.strip() + ")");
        }
        if (mail.header("x-autoreply") != null || mail.header("x-autorespond") != null) {
            return Optional.of("automatic reply (X-Autoreply)");
        }
        String precedence = mail.header("precedence");
        if (precedence != null && BULK.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("bulk or list mail (Precedence: " + precedence.strip() + ")");
        }
        if (mail.header("list-id") != null) {
            return Optional.of("mailing-list mail (List-Id: " + mail.header("list-id") + ")");
        }
        if (mail.header("x-rapport-mailbox") != null || mail.header("x-loop") != null) {
            return Optional.of("loop marker header present");
        }
        if (mail.subject() != null && OUT_OF_OFFICE.matcher(mail.subject()).find()) {
            return Optional.of("out-of-office or automatic reply (subject '" + mail.subject() + "')");
        }
        if (mail.from() != null && ownAddresses.contains(mail.from())) {
            return Optional.of("our own mailbox's mail (From " + mail.from() + ")");
        }
        if (MessageIds.isOurs(mail.messageId(), ownDomain)) {
            return Optional.of("our own message came back (" + mail.messageId() + ")");
        }
        if (mail.from() != null && DAEMON.matcher(mail.from()).matches()) {
            return Optional.of("mail from a mail system (" + mail.from() + ") that is not a bounce we can read");
        }
        if (mail.from() != null && NO_REPLY.matcher(mail.from()).matches()) {
            return Optional.of("mail from a no-reply sender (" + mail.from() + ")");
        }
        String returnPath = mail.header("return-path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("mail with an empty return path (an automatic notification)");
        }
        return Optional.empty();
    }
}

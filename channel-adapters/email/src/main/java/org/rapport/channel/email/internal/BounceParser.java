package org.rapport.channel.email.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises bounces: RFC 3464 delivery status notifications ({@code multipart/report;
 * report-type=delivery-status}) and the common non-standard formats (Postfix, Exim, qmail,
 * Exchange, Gmail, QQ / NetEase "退信" notices sent from a mailer daemon with the failure in the
 * text). Reads the failed recipient, the status, whether the failure is permanent for the
 * address, and the original Message-ID.
 */
final class BounceParser {

    private static final Pattern FIELD = Pattern.compile("(?im)^([A-Za-z-]+)\\s*:\\s*(.*(?:\\n[ \\t].*)*)$");
    private static final Pattern SUBJECT = Pattern.compile(
            "(undeliver|undelivered|delivery (status notification|has failed|failure|failed)|returned mail|mail delivery (failed|failure|system)|"
                    + "failure notice|delivery incomplete|could not be delivered|message not delivered|nondeliverable|non-delivery|"
                    + "退信|系统退信|退回|投递失败|投遞失敗|无法投递|無法投遞|发送失败|未能送达|邮件被退回)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");
    private static final Pattern SMTP_CODE = Pattern.compile("\\b([45])\\d\\d\\b");
    private static final Pattern ADDRESS = Pattern.compile("<?([A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,})>?");
    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^\\s*Message-ID\\s*:\\s*(<[^<>\\s]+>)");
    private static final Pattern BAD_MAILBOX = Pattern.compile(
            "(user unknown|unknown user|no such (user|mailbox|recipient)|does not exist|doesn't exist|mailbox unavailable|"
                    + "recipient address rejected|invalid (recipient|mailbox|address)|account (is )?disabled|address rejected|"
                    + "用户不存在|用戶不存在|收件人不存在|地址不存在|帐户不存在|账户不存在|帳戶不存在|无此用户|邮箱不存在)",
            Pattern.CASE_INSENSITIVE);

    private BounceParser() {
    }

    /** The bounce {@code mail} reports, or empty when it is not a bounce. */
    static Optional<Bounce> parse(ParsedMail mail) {
        if (mail.deliveryStatus() != null) {
            return Optional.of(dsn(mail));
        }
        boolean fromDaemon = mail.from() == null || mail.from().startsWith("mailer-daemon@") || mail.from().startsWith("postmaster@")
                || mail.from().startsWith("mail-daemon@") || nullReturnPath(mail);
        boolean subject = mail.subject() != null && SUBJECT.matcher(mail.subject()).find();
        if (!(fromDaemon && subject) && mail.header("x-failed-recipients") == null) {
            return Optional.empty();
        }
        String text = mail.text() == null ? "" : mail.text();
        String recipient = mail.header("x-failed-recipients");
        if (recipient == null) {
            recipient = firstAddress(text, mail.from());
        } else {
            Matcher m = ADDRESS.matcher(recipient);
            recipient = m.find() ? m.group(1) : null;
        }
        Matcher enhanced = ENHANCED.matcher(text);
        String status = enhanced.find() ? enhanced.group() : null;
        boolean permanent = status != null ? status.startsWith("5") : !SMTP_CODE.matcher(text).find() || smtpPermanent(text);
        boolean hard = permanent && (status != null && isBadAddress(status) || BAD_MAILBOX.matcher(text).find());
        return Optional.of(new Bounce(lower(recipient), status, hard, !permanent, detail(text), originalId(mail, text)));
    }

    private static Bounce dsn(ParsedMail mail) {
        String recipient = null;
        String action = null;
        String status = null;
        String diagnostic = null;
        Matcher m = FIELD.matcher(mail.deliveryStatus().replace("\r\n", "\n"));
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).replaceAll("\\s+", " ").strip();
            switch (name) {
                case "final-recipient", "original-recipient" -> {
                    if (recipient == null || "final-recipient".equals(name)) {
                        String v = value.contains(";") ? value.substring(value.indexOf(';') + 1).strip() : value;
                        Matcher a = ADDRESS.matcher(v);
                        recipient = a.find() ? a.group(1) : recipient;
                    }
                }
                case "action" -> action = action == null || !"failed".equals(action) ? value.toLowerCase(Locale.ROOT) : action;
                case "status" -> {
                    Matcher s = ENHANCED.matcher(value);
                    if (s.find() && (status == null || s.group().startsWith("5"))) {
                        status = s.group();
                    }
                }
                case "diagnostic-code" -> diagnostic = value.contains(";") ? value.substring(value.indexOf(';') + 1).strip() : value;
                default -> {
                    // other per-message and per-recipient fields are not needed
                }
            }
        }
        boolean delayed = "delayed".equals(action) || "delivered".equals(action) || "relayed".equals(action)
                || "expanded".equals(action) || (status != null && status.startsWith("4") && !"failed".equals(action));
        String words = diagnostic != null ? diagnostic : mail.text();
        boolean hard = !delayed && ((status != null && isBadAddress(status)) || (words != null && BAD_MAILBOX.matcher(words).find()));
        String detail = (status == null ? "" : status + " ") + (diagnostic == null ? detail(mail.text()) : diagnostic);
        return new Bounce(lower(recipient), status, hard, delayed, cut(detail.strip(), 500),
                mail.returnedMessageId() != null ? mail.returnedMessageId() : originalId(mail, mail.text()));
    }

    /** 5.1.x (bad mailbox, bad domain), 5.2.1 (mailbox disabled), 5.5.0 with a bad-mailbox reason is caught by the text. */
    private static boolean isBadAddress(String status) {
        return status.startsWith("5.1.") || "5.2.1".equals(status);
    }

    private static boolean smtpPermanent(String text) {
        Matcher m = SMTP_CODE.matcher(text);
        return m.find() && m.group(1).equals("5");
    }

    private static boolean nullReturnPath(ParsedMail mail) {
        String rp = mail.header("return-path");
        return rp != null && rp.replaceAll("\\s", "").equals("<>");
    }

    private static String originalId(ParsedMail mail, String text) {
        if (mail.returnedMessageId() != null) {
            return mail.returnedMessageId();
        }
        if (text != null) {
            Matcher m = MESSAGE_ID_LINE.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
        }
        String original = mail.header("x-original-message-id");
        if (original != null) {
            return MessageIds.parse(original).stream().findFirst().orElse(null);
        }
        return mail.references().isEmpty() ? null : mail.references().get(0);
    }

    private static String firstAddress(String text, String from) {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String a = m.group(1).toLowerCase(Locale.ROOT);
            if (!a.equals(from) && !a.startsWith("mailer-daemon@") && !a.startsWith("postmaster@")) {
                return a;
            }
        }
        return null;
    }

    private static String detail(String text) {
        if (text == null) {
            return "";
        }
        String firstLines = String.join(" ", text.strip().lines().filter(l -> !l.isBlank()).limit(6).toList());
        return cut(firstLines, 500);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

package org.rapport.channel.email.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw mail (RFC 5322 / MIME) into a {@link ParsedMail}, defensively: every header and part
 * may be malformed, mislabelled or hostile, and each problem becomes a flag rather than an
 * exception. Limits: nesting depth, number of parts, bytes read per part.
 */
final class MailParser {

    /** Limits for one mail. */
    record Limits(int maxAttachmentBytes, int maxAttachments, List<String> refusedExtensions) {}

    static final int MAX_DEPTH = 12;
    static final int MAX_PARTS = 200;
    static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;

    private static final List<String> KEPT_HEADERS = List.of("auto-submitted", "precedence", "x-autoreply", "x-autorespond",
            "x-auto-response-suppress", "list-id", "list-unsubscribe", "return-path", "x-failed-recipients", "feedback-type",
            "x-loop", "x-rapport-mailbox", "sender", "reply-to", "x-original-message-id");
    private static final Pattern NAMED_ADDRESS = Pattern.compile("^\\s*(.*?)\\s*<\\s*([^<>]*?)\\s*>\\s*$", Pattern.DOTALL);
    private static final Pattern PLAIN_ADDRESS = Pattern.compile("^[^@\\s<>(),;:\"\\[\\]\\\\]{1,64}@[A-Za-z0-9.-]{1,253}$");

    private final Session session;
    private final Limits limits;

    MailParser(Limits limits) {
        Properties p = new Properties();
        p.put("mail.mime.address.strict", "false");
        this.session = session(p);
        this.limits = limits;
    }

    private static Session session(Properties p) {
        try {
            return MailSessions.withProvider(() -> Session.getInstance(p));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a mail session: " + e, e);
        }
    }

    /** Parses {@code raw}; only an unreadable stream throws. */
    ParsedMail parse(byte[] raw) throws jakarta.mail.MessagingException {
        MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(raw));
        Walk walk = new Walk();
        String messageId = first(MessageIds.parse(header(mime, "Message-ID")));
        String[] from = sender(header(mime, "From"), walk);
        if (from[0] == null) {
            String[] sender = sender(header(mime, "Sender"), walk);
            from = sender[0] == null ? from : sender;
        }
        String subject = header(mime, "Subject");
        subject = subject == null ? null : EncodedWords.decode(subject).replaceAll("[\\r\\n\\t]+", " ").strip();
        List<String> references = new ArrayList<>(MessageIds.parse(header(mime, "In-Reply-To")));
        List<String> older = MessageIds.parse(header(mime, "References"));
        for (int i = older.size() - 1; i >= 0; i--) {
            if (!references.contains(older.get(i))) {
                references.add(older.get(i));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = header(mime, name);
            if (value != null) {
                headers.put(name, EncodedWords.decode(value).strip());
            }
        }
        walk.part(mime, 0);
        String text = walk.text.toString().strip();
        if (text.isEmpty() && walk.html.length() > 0) {
            text = HtmlText.toText(walk.html.toString(), true);
            walk.flags.put("html", "the mail had only an HTML body; it was turned into text");
        }
        String contentType = baseType(mime, walk);
        return new ParsedMail(messageId, from[0], from[1], subject == null || subject.isBlank() ? null : subject, text, sentAt(mime),
                references, headers, contentType, walk.deliveryStatus, walk.returnedMessageId, walk.parts, walk.flags);
    }

    private static String header(MimePart mime, String name) {
        try {
            return mime.getHeader(name, ",");
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String first(List<String> ids) {
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** {address (lower-case) or null, name or null}. */
    private static String[] sender(String raw, Walk walk) {
        if (raw == null || raw.isBlank()) {
            return new String[] {null, null};
        }
        String value = raw.replaceAll("\\r?\\n[ \\t]*", " ");
        int comma = value.indexOf(",", Math.max(0, value.indexOf('>')));
        String name = null;
        String address;
        Matcher m = NAMED_ADDRESS.matcher(comma > 0 && value.indexOf('>') > 0 && comma > value.indexOf('>') ? value.substring(0, comma) : value);
        if (m.matches()) {
            name = EncodedWords.decode(m.group(1)).replaceAll("^[\"']+|[\"']+$", "").strip();
            address = m.group(2).strip();
        } else {
            try {
                InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
                address = parsed.length == 0 ? null : parsed[0].getAddress();
            } catch (jakarta.mail.internet.AddressException e) {
                address = null;
            }
        }
        if (address != null && address.startsWith("mailto:")) {
            address = address.substring(7);
        }
        if (address == null || !PLAIN_ADDRESS.matcher(address).matches()) {
            walk.flags.put("sender", "no usable sender address in '" + cut(value, 120) + "'");
            return new String[] {null, null};
        }
        return new String[] {address.toLowerCase(Locale.ROOT), name == null || name.isBlank() ? null : cut(name, 200)};
    }

    private static Instant sentAt(MimeMessage mime) {
        try {
            Date d = mime.getSentDate();
            if (d == null) {
                return null;
            }
            Instant at = d.toInstant();
            Instant now = Instant.now();
            return at.isAfter(now.plus(1, ChronoUnit.DAYS)) || at.isBefore(Instant.parse("1995-01-01T00:00:00Z")) ? null : at;
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String baseType(Part p, Walk walk) {
        try {
            String ct = p.getContentType();
            return ct == null ? "text/plain" : new ContentType(ct).getBaseType().toLowerCase(Locale.ROOT);
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            walk.flags.put("content-type", "unreadable Content-Type, read as text");
            return "text/plain";
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** The state of one walk over a mail's parts. */
    private final class Walk {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<ParsedMail.Part> parts = new ArrayList<>();
        final Map<String, String> flags = new LinkedHashMap<>();
        String deliveryStatus;
        String returnedMessageId;
        int seen;
        boolean inReport;

        void part(Part p, int depth) {
            if (depth > MAX_DEPTH || ++seen > MAX_PARTS) {
                flags.put("structure", "more than " + MAX_DEPTH + " levels or " + MAX_PARTS + " parts; the rest was not read");
                return;
            }
            String type = baseType(p, this);
            String name = fileName(p);
            String disposition = disposition(p);
            try {
                if (type.startsWith("multipart/")) {
                    multipart(p, type, depth);
                } else if ("message/delivery-status".equals(type) || "message/global-delivery-status".equals(type)) {
                    deliveryStatus = new String(read(p, 256 * 1024), StandardCharsets.UTF_8);
                } else if ("text/rfc822-headers".equals(type) || "text/global-headers".equals(type)) {
                    returned(read(p, 256 * 1024));
                } else if (("message/rfc822".equals(type) || "message/global".equals(type)) && inReport) {
                    returned(read(p, 256 * 1024));
                } else if ((type.equals("text/plain") || type.equals("text/html")) && name == null
                        && !"attachment".equals(disposition)) {
                    body(p, type);
                } else {
                    attachment(p, type, name);
                }
            } catch (IOException | jakarta.mail.MessagingException | RuntimeException e) {
                flags.put("part", "a " + type + " part could not be read: " + cut(String.valueOf(e.getMessage()), 200));
            }
        }

        private void multipart(Part p, String type, int depth) throws IOException, jakarta.mail.MessagingException {
            Object content = p.getContent();
            if (!(content instanceof Multipart mp)) {
                flags.put("structure", type + " without parts; read as text");
                body(p, "text/plain");
                return;
            }
            int count = mp.getCount();
            if ("multipart/report".equals(type)) {
                inReport = true;
            }
            if ("multipart/alternative".equals(type)) {
                BodyPart chosen = null;
                for (String wanted : List.of("text/plain", "multipart/related", "multipart/mixed", "text/html")) {
                    for (int i = 0; i < count && chosen == null; i++) {
                        BodyPart child = mp.getBodyPart(i);
                        if (wanted.equals(baseType(child, this)) && (!"text/plain".equals(wanted) || hasText(child))) {
                            chosen = child;
                        }
                    }
                }
                if (chosen != null) {
                    part(chosen, depth + 1);
                } else if (count > 0) {
                    part(mp.getBodyPart(0), depth + 1);
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                part(mp.getBodyPart(i), depth + 1);
            }
        }

        private boolean hasText(Part p) {
            try {
                return !decodeText(p).isBlank();
            } catch (IOException | jakarta.mail.MessagingException | RuntimeException e) {
                return false;
            }
        }

        private void body(Part p, String type) throws IOException, jakarta.mail.MessagingException {
            String content = decodeText(p);
            if ("text/html".equals(type)) {
                if (text.length() == 0) {
                    html.append(content);
                } else {
                    append(HtmlText.toText(content, true));
                }
            } else if (html.length() > 0 && text.length() == 0) {
                append(HtmlText.toText(html.toString(), true));
                html.setLength(0);
                append(content);
            } else {
                append(content);
            }
        }

        private void append(String content) {
            if (text.length() > 0 && !content.isBlank()) {
                text.append("\n\n");
            }
            text.append(content.replace("\r\n", "\n").replace('\r', '\n'));
        }

        private String decodeText(Part p) throws IOException, jakarta.mail.MessagingException {
            byte[] bytes = read(p, MAX_TEXT_BYTES);
            String charset = null;
            try {
                charset = new ContentType(p.getContentType()).getParameter("charset");
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                // unreadable Content-Type: the charset is guessed
            }
            Charsets.Decoded decoded = Charsets.decode(bytes, charset);
            if (decoded.guessed()) {
                flags.put("charset", "unknown charset '" + cut(charset, 40) + "'; decoded as a guess");
            }
            return decoded.text().replace("\u0000", "");
        }

        /** The decoded bytes of a part, at most {@code max} (more is cut and flagged). */
        private byte[] read(Part p, int max) throws IOException, jakarta.mail.MessagingException {
            try (InputStream in = p.getInputStream()) {
                return readUpTo(in, max);
            } catch (IOException | jakarta.mail.MessagingException e) {
                InputStream raw = p instanceof jakarta.mail.internet.MimeBodyPart bp ? bp.getRawInputStream()
                        : p instanceof MimeMessage mm ? mm.getRawInputStream() : null;
                if (raw == null) {
                    throw e;
                }
                flags.put("encoding", "a part's transfer encoding was broken; it was read undecoded");
                try (raw) {
                    return readUpTo(raw, max);
                }
            }
        }

        private byte[] readUpTo(InputStream in, int max) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > max) {
                    out.write(buffer, 0, max - out.size());
                    flags.put("truncated-part", "a part longer than " + max + " bytes was cut");
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }

        private void returned(byte[] headers) {
            try {
                InternetHeaders h = new InternetHeaders(new ByteArrayInputStream(headers));
                String id = h.getHeader("Message-ID", ",");
                if (id != null && returnedMessageId == null) {
                    returnedMessageId = first(MessageIds.parse(id));
                }
            } catch (jakarta.mail.MessagingException e) {
                flags.put("report", "the returned message's headers were unreadable");
            }
        }

        private void attachment(Part p, String type, String name) throws IOException, jakarta.mail.MessagingException {
            String fileName = name != null ? name : "attachment-" + (parts.size() + 1) + extensionFor(type);
            if (parts.size() >= limits.maxAttachments()) {
                parts.add(new ParsedMail.Part(fileName, type, Math.max(0, p.getSize()), null, "not kept: more than "
                        + limits.maxAttachments() + " attachments"));
                return;
            }
            String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (limits.refusedExtensions().contains(ext)) {
                parts.add(new ParsedMail.Part(fileName, type, Math.max(0, p.getSize()), null, "not kept: refused file type ." + ext));
                return;
            }
            byte[] bytes;
            try (InputStream in = p.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > limits.maxAttachmentBytes()) {
                        parts.add(new ParsedMail.Part(fileName, type, Math.max(total, p.getSize()), null,
                                "not kept: larger than " + limits.maxAttachmentBytes() + " bytes"));
                        return;
                    }
                    out.write(buffer, 0, n);
                }
                bytes = out.toByteArray();
            }
            parts.add(new ParsedMail.Part(fileName, type, bytes.length, bytes, null));
        }

        private String fileName(Part p) {
            try {
                String raw = p.getFileName();
                if (raw == null) {
                    return null;
                }
                String decoded = EncodedWords.decode(MimeUtility.unfold(raw));
                return safeName(decoded);
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                flags.put("attachment-name", "an attachment's name was unreadable");
                return "attachment";
            }
        }

        private String disposition(Part p) {
            try {
                String d = p.getDisposition();
                return d == null ? null : d.toLowerCase(Locale.ROOT);
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                return null;
            }
        }
    }

    /** A file name without directories, control characters or a leading dot; at most 120 characters. */
    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").replaceAll("^[.\\s]+", "").strip();
        if (base.isEmpty()) {
            base = "attachment";
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    private static String extensionFor(String type) {
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "message/rfc822" -> ".eml";
            case "text/calendar" -> ".ics";
            default -> ".bin";
        };
    }
}

package org.rapport.conversations.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.conversations.channel.Attachment;
import org.rapport.conversations.channel.InboundMessage;

/**
 * An inbound message checked and normalised: known channel, a sender, text within the size limit
 * (longer text is cut and flagged, never refused), blank subject and name dropped, subject, name,
 * attachment entries and flags cut to what the tables hold (more is flagged, never refused).
 */
record Inbound(String channel, String account, String externalId, String from, String fromName, String subject, String text,
        Instant sentAt, List<String> references, Long conversationHint, Long verifiedContactId, List<Attachment> attachments,
        Map<String, String> flags) {

    static final List<String> CHANNELS = List.of("email", "sms", "webchat");
    /** Attachment entries kept per message; the files of more were kept by the adapter but are not listed. */
    static final int MAX_ATTACHMENTS = 50;
    static final int MAX_FLAGS = 20;

    static Inbound of(InboundMessage m, int maxTextChars, Instant now) {
        if (m == null) {
            throw new IllegalArgumentException("no message");
        }
        String channel = m.channel() == null ? "" : m.channel().strip().toLowerCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            throw new IllegalArgumentException("unknown channel '" + m.channel() + "' (email, sms or webchat)");
        }
        if (m.from() == null || m.from().isBlank()) {
            throw new IllegalArgumentException("the message has no sender");
        }
        if (m.externalId() == null || m.externalId().isBlank()) {
            throw new IllegalArgumentException("the message has no channel id (needed to recognise a retransmission)");
        }
        String from = m.from().strip();
        if ("email".equals(channel)) {
            from = from.toLowerCase(Locale.ROOT);
        }
        Map<String, String> flags = new LinkedHashMap<>(m.flags());
        String text = m.text() == null ? "" : m.text().replace("\u0000", "");
        if (text.length() > maxTextChars) {
            flags.put("truncated", "text cut from " + text.length() + " to " + maxTextChars + " characters");
            text = Sql.cut(text, maxTextChars);
        }
        if (text.isBlank() && m.attachments().isEmpty() && (m.subject() == null || m.subject().isBlank())) {
            flags.put("empty", "no text");
        }
        List<Attachment> attachments = m.attachments().stream().limit(MAX_ATTACHMENTS).map(Inbound::bounded).toList();
        if (m.attachments().size() > MAX_ATTACHMENTS) {
            flags.put("attachments", (m.attachments().size() - MAX_ATTACHMENTS) + " more attachments not listed");
        }
        List<String> references = new ArrayList<>();
        for (String ref : m.references()) {
            if (ref != null && !ref.isBlank() && ref.length() <= 500 && !references.contains(ref.strip())) {
                references.add(ref.strip());
            }
        }
        return new Inbound(channel, m.account() == null ? "" : m.account().strip(), Sql.cut(m.externalId().strip(), 500), Sql.cut(from, 320),
                Sql.cut(blankToNull(m.fromName()), 200), Sql.cut(blankToNull(m.subject()), 500), text, m.sentAt() == null ? now : m.sentAt(),
                references, m.conversationId(), m.verifiedContactId(), attachments, bounded(flags));
    }

    private static Attachment bounded(Attachment a) {
        return new Attachment(Sql.cut(a.name(), 300), Sql.cut(a.contentType(), 200), a.size(), a.location() == null || a.location().length() > 500
                ? null : a.location(), Sql.cut(a.note(), 500));
    }

    private static Map<String, String> bounded(Map<String, String> flags) {
        Map<String, String> kept = new LinkedHashMap<>();
        flags.entrySet().stream().limit(MAX_FLAGS).forEach(e -> kept.put(Sql.cut(e.getKey(), 60), Sql.cut(e.getValue(), 500)));
        return kept;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.rapport.channel.email.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs: ours are derived from the outbox idempotency key (the same key always gives the
 * same id, so a message handed over twice is recognised as one by mail clients), and ids in
 * In-Reply-To / References headers are read leniently.
 */
final class MessageIds {

    private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,400})>");
    private static final String LOCAL_PREFIX = "rapport.";

    private MessageIds() {
    }

    /** {@code <rapport.<hash of key>@<domain>>}. */
    static String forKey(String idempotencyKey, String domain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<" + LOCAL_PREFIX + HexFormat.of().formatHex(hash, 0, 20) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code messageId} is one this server made for mail sent from {@code domain}. */
    static boolean isOurs(String messageId, String domain) {
        if (messageId == null) {
            return false;
        }
        String id = messageId.strip().toLowerCase(Locale.ROOT);
        return id.startsWith("<" + LOCAL_PREFIX) && id.endsWith("@" + domain.toLowerCase(Locale.ROOT) + ">");
    }

    /** The ids in a header value ({@code <a@b> <c@d>}), in order; a bare id without brackets is bracketed. */
    static List<String> parse(String headerValue) {
        List<String> ids = new ArrayList<>();
        if (headerValue == null || headerValue.isBlank()) {
            return ids;
        }
        Matcher m = ID.matcher(headerValue);
        while (m.find()) {
            String id = "<" + m.group(1) + ">";
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            String bare = headerValue.strip();
            if (!bare.contains(" ") && bare.contains("@") && bare.length() <= 400) {
                ids.add("<" + bare + ">");
            }
        }
        return ids;
    }

    /** The domain part of an address, lower-case ({@code localhost} when it has none). */
    static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? "localhost" : address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}

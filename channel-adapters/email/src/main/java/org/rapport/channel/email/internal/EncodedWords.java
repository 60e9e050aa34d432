package org.rapport.channel.email.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words ({@code =?GB2312?B?...?=}) decoded leniently: adjacent words in the same
 * charset are joined before decoding (clients split multi-byte characters across words), words
 * inside other text are decoded too, and GB2312 / Big5 labels are widened (see {@link Charsets}).
 * A word that cannot be decoded is left as it was.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,40})\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t\\r\\n]+(=\\?)");

    private EncodedWords() {
    }

    static String decode(String header) {
        if (header == null || !header.contains("=?")) {
            return Charsets.repairRawHeader(header);
        }
        String s = BETWEEN_WORDS.matcher(header.replaceAll("\\r?\\n[ \\t]", " ")).replaceAll("$1$2");
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(s);
        int last = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            if (m.start() > last) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(Charsets.repairRawHeader(s.substring(last, m.start())));
            }
            String charset = m.group(1).toLowerCase(Locale.ROOT);
            int star = charset.indexOf('*'); // RFC 2231 language suffix
            if (star >= 0) {
                charset = charset.substring(0, star);
            }
            byte[] bytes;
            try {
                bytes = "b".equalsIgnoreCase(m.group(2)) ? base64(m.group(3)) : quoted(m.group(3));
            } catch (IllegalArgumentException e) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(m.group());
                last = m.end();
                continue;
            }
            if (pendingCharset != null && !pendingCharset.equals(charset)) {
                flush(out, pending, pendingCharset);
            }
            pendingCharset = charset;
            pending.writeBytes(bytes);
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(Charsets.repairRawHeader(s.substring(last)));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        pending.reset();
        Charset cs = Charsets.forLabel(charset);
        out.append(cs == null ? Charsets.guess(bytes) : new String(bytes, cs));
    }

    private static byte[] base64(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        int pad = clean.length() % 4;
        if (pad == 1) {
            clean = clean.substring(0, clean.length() - 1);
        } else if (pad > 1) {
            clean = clean + "==".substring(0, 4 - pad);
        }
        return Base64.getDecoder().decode(clean);
    }

    private static byte[] quoted(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    out.write('=');
                } else {
                    out.write(hi * 16 + lo);
                    i += 2;
                }
            } else {
                out.write(c > 0xFF ? '?' : c);
            }
        }
        return out.toByteArray();
    }
}

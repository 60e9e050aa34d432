package org.rapport.channel.email.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decoding mail text in the charsets clients really use: GB2312 labels widened to GB18030 (mail
 * labelled GB2312 routinely holds GBK characters), Big5 widened to Big5-HKSCS, unknown or missing
 * labels guessed (UTF-8 when the bytes are valid UTF-8, else GB18030).
 */
final class Charsets {

    private Charsets() {
    }

    /** The text, and whether the charset had to be guessed. */
    record Decoded(String text, boolean guessed) {}

    static Decoded decode(byte[] bytes, String label) {
        Charset cs = forLabel(label);
        if (cs != null) {
            return new Decoded(new String(bytes, cs), false);
        }
        return new Decoded(guess(bytes), label != null && !label.isBlank() && !"us-ascii".equalsIgnoreCase(label));
    }

    static Charset forLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        switch (l) {
            case "gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "gb_2312-80", "chinese", "csgb2312" -> {
                return Charset.forName("GB18030");
            }
            case "big5", "x-big5", "cn-big5", "csbig5" -> {
                return Charset.isSupported("Big5-HKSCS") ? Charset.forName("Big5-HKSCS") : Charset.forName("Big5");
            }
            case "utf8", "unicode-1-1-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            case "ascii", "us-ascii", "ansi_x3.4-1968" -> {
                return StandardCharsets.UTF_8; // 8-bit bytes under an ASCII label are nearly always UTF-8
            }
            default -> {
                try {
                    return Charset.isSupported(l) ? Charset.forName(l) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
    }

    /** UTF-8 when the bytes are valid UTF-8, else GB18030 (which decodes every byte sequence). */
    static String guess(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /**
     * A header read as ISO-8859-1 that really held raw 8-bit UTF-8 or GBK (no RFC 2047 encoding):
     * the bytes are decoded again; a header in plain ASCII or already decoded comes back unchanged.
     */
    static String repairRawHeader(String value) {
        if (value == null) {
            return null;
        }
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already real Unicode
            }
            high |= c >= 0x80;
        }
        return high ? guess(value.getBytes(StandardCharsets.ISO_8859_1)) : value;
    }
}

package org.rapport.records.internal.csv;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises one phone number to digits with an optional leading "+": separators are dropped,
 * a "00" international prefix becomes "+", and Chinese mobile numbers (1[3-9] + 9 digits, with
 * or without a leading 86) become "+86…" so that the same mobile compares equal however it was
 * typed. An extension ("转123", "ext. 123", "x123", "#123") is kept as ";ext=123" (RFC 3966).
 * Fewer than 5 or more than 15 digits, letters or other characters are rejected.
 */
final class PhoneNumber {

    private static final Pattern EXTENSION =
            Pattern.compile("(?i)\\s*(?:转|分机|ext\\.?|x|#)\\s*(\\d{1,6})$");
    private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9 ()\\-.]+");
    private static final Pattern CHINESE_MOBILE = Pattern.compile("(86)?(1[3-9]\\d{9})");
    private static final int MIN_DIGITS = 5;
    private static final int MAX_DIGITS = 15;

    private PhoneNumber() {
    }

    /**
     * @throws IllegalArgumentException with a message for the user when {@code text} is not a
     *     phone number
     */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String extension = null;
        Matcher ext = EXTENSION.matcher(s);
        if (ext.find() && ext.start() > 0) {
            extension = ext.group(1);
            s = s.substring(0, ext.start());
        }
        if (!ALLOWED.matcher(s).matches()) {
            throw new IllegalArgumentException("not a phone number: \"" + text.strip() + "\"");
        }
        boolean international = s.startsWith("+");
        String digits = s.replaceAll("\\D", "");
        if (!international && digits.startsWith("00")) {
            international = true;
            digits = digits.substring(2);
        }
        if (digits.length() < MIN_DIGITS) {
            throw new IllegalArgumentException("phone number has fewer than " + MIN_DIGITS + " digits: \""
                    + text.strip() + "\"");
        }
        if (digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("phone number has more than " + MAX_DIGITS + " digits: \""
                    + text.strip() + "\"");
        }
        String number;
        Matcher mobile = CHINESE_MOBILE.matcher(digits);
        if (international) {
            number = "+" + digits;
        } else if (mobile.matches()) {
            number = "+86" + mobile.group(2);
        } else {
            number = digits;
        }
        return extension == null ? number : number + ";ext=" + extension;
    }
}

package org.rapport.security.internal;

/** Masks a sensitive value so that staff can recognise it without reading it. */
final class Masks {

    private Masks() {
    }

    static String mask(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int at = v.indexOf('@');
        if (at > 0 && at == v.lastIndexOf('@') && at < v.length() - 1) {
            return v.charAt(0) + "***" + v.substring(at);
        }
        if (looksLikeNumber(v)) {
            return maskDigits(v);
        }
        int[] cps = v.codePoints().toArray();
        if (cps.length <= 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
        if (cps.length == 2) {
            return masked.append('*').toString(); // 张三 → 张*
        }
        return masked.append("*".repeat(Math.min(cps.length - 2, 6))).appendCodePoint(cps[cps.length - 1]).toString();
    }

    /** Digits with optional +, blanks, dashes, dots and parentheses; at least 5 digits. */
    private static boolean looksLikeNumber(String v) {
        int digits = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if ("+ -.()Xx".indexOf(c) < 0) {
                return false;
            }
        }
        return digits >= 5;
    }

    /**
     * Keeps the first three and the last four digits (fewer for short numbers), the rest become
     * {@code *}; separators are dropped: {@code +86 138-1234-5678} → {@code +86138****5678}.
     */
    private static String maskDigits(String v) {
        String compact = v.replaceAll("[ \\-.()]", "");
        int digitsStart = compact.startsWith("+") ? 1 : 0;
        String digits = compact.substring(digitsStart);
        // a country code stays readable: +86 then the national number
        String prefix = compact.substring(0, digitsStart);
        if (digitsStart == 1 && digits.startsWith("86") && digits.length() == 13) {
            prefix = "+86";
            digits = digits.substring(2);
        }
        int keepHead = digits.length() >= 11 ? 3 : Math.max(0, digits.length() / 4);
        int keepTail = digits.length() >= 8 ? 4 : Math.max(1, digits.length() / 4);
        int hidden = digits.length() - keepHead - keepTail;
        return prefix + digits.substring(0, keepHead) + "*".repeat(Math.max(hidden, 1)) + digits.substring(digits.length() - keepTail);
    }
}

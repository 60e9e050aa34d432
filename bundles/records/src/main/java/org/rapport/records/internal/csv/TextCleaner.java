package org.rapport.records.internal.csv;

/** Cleans cell text (line breaks and tabs to spaces, control and format characters removed, trimmed) and spots undecodable characters. */
final class TextCleaner {

    private TextCleaner() {
    }

    /**
     * The cell as it should be stored: CR, LF and TAB become a space, other control characters
     * and invisible format characters (zero-width spaces, bidi overrides, BOMs) are dropped, and
     * white space at both ends (including U+3000 and no-break spaces) is removed.
     */
    static String clean(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        cell.codePoints().forEach(cp -> {
            if (cp == '\r' || cp == '\n' || cp == '\t') {
                out.append(' ');
            } else if (Character.getType(cp) != Character.CONTROL && Character.getType(cp) != Character.FORMAT) {
                out.appendCodePoint(cp);
            }
        });
        int start = 0;
        int end = out.length();
        while (start < end && isSpace(out.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(out.charAt(end - 1))) {
            end--;
        }
        return out.substring(start, end);
    }

    /**
     * True when the text holds U+FFFD (bytes the charset could not decode) or private-use
     * characters (what Big5 or other foreign bytes typically become when read as GB18030).
     */
    static boolean hasUnreadable(String text) {
        return text.codePoints().anyMatch(cp -> cp == 0xFFFD
                || Character.getType(cp) == Character.PRIVATE_USE);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}

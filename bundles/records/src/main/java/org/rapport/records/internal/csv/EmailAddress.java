package org.rapport.records.internal.csv;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the simple syntax of one e-mail address (dot-atom local part, dotted domain with a
 * letter-only top-level label, internationalised domains allowed) and normalises it: full-width
 * forms folded, "Name &lt;addr&gt;" reduced to addr, the domain lower-cased.
 */
final class EmailAddress {

    private static final Pattern ANGLE = Pattern.compile(".*<([^<>]*)>\\s*");
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
    private static final Pattern DOMAIN =
            Pattern.compile("([\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");
    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;

    private EmailAddress() {
    }

    /**
     * @throws IllegalArgumentException with a message for the user when {@code text} is not an
     *     e-mail address
     */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        Matcher angle = ANGLE.matcher(s);
        if (angle.matches()) {
            s = angle.group(1).strip();
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || s.length() > MAX_LENGTH) {
            throw invalid(text);
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.length() > MAX_LOCAL_LENGTH || !LOCAL.matcher(local).matches()
                || !DOMAIN.matcher(domain).matches()) {
            throw invalid(text);
        }
        return local + "@" + domain;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("not an e-mail address: \"" + text.strip() + "\"");
    }
}

package org.rapport.compliance.internal.gate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers that must not travel in clear text: mainland Chinese resident ID numbers (18
 * characters, a valid birth date and the GB 11643 check character) and payment card numbers
 * (13–19 digits, optionally grouped by blanks or hyphens, passing the Luhn check).
 */
final class IdNumbers {
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])([1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern CARD = Pattern.compile("(?<![0-9])(\\d(?:[ -]?\\d){12,18})(?![0-9])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    static boolean containsResidentId(String text) {
        Matcher m = RESIDENT_ID.matcher(text);
        while (m.find()) {
            if (validResidentId(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** The GB 11643-1999 check character over the first 17 digits. */
    static boolean validResidentId(String id) {
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK[sum % 11];
    }

    static boolean containsCardNumber(String text) {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            String digits = m.group(1).replaceAll("[ -]", "");
            if (consistentGroups(m.group(1)) && luhn(digits)) {
                return true;
            }
        }
        return false;
    }

    /** Grouping uses one kind of separator (or none), so "1234 5678-..." mixtures of unrelated numbers are not joined. */
    private static boolean consistentGroups(String raw) {
        return !(raw.contains(" ") && raw.contains("-"));
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}

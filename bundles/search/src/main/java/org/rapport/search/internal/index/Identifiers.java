package org.rapport.search.internal.index;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalised forms of identifiers (emails, phone numbers, registration numbers) for exact matching, in documents and in queries. */
public final class Identifiers {
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s\\-().]{5,}\\d");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z\\-]{5,39}");
    private static final Pattern EMAILISH = Pattern.compile("[^\\s@,;，；]+@[^\\s@,;，；]+|[a-z0-9][a-z0-9\\-]*(\\.[a-z0-9\\-]+)+",
            Pattern.CASE_INSENSITIVE);

    private Identifiers() {
    }

    /** An email and its domain, lower-cased. */
    public static Set<String> email(String email) {
        Set<String> forms = new LinkedHashSet<>();
        String lower = email.strip().toLowerCase(Locale.ROOT);
        forms.add(lower);
        int at = lower.lastIndexOf('@');
        if (at > 0 && at < lower.length() - 1) {
            forms.add(lower.substring(at + 1));
        }
        return forms;
    }

    /** A phone number's digits, and without a country code of 1 to 3 digits when it had one. */
    public static Set<String> phone(String phone) {
        Set<String> forms = new LinkedHashSet<>();
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 6) {
            return forms;
        }
        forms.add(digits);
        if (phone.strip().startsWith("+") || digits.startsWith("00")) {
            String international = digits.startsWith("00") ? digits.substring(2) : digits;
            for (int cc = 1; cc <= 3 && international.length() - cc >= 7; cc++) {
                forms.add(international.substring(cc));
            }
        }
        return forms;
    }

    /** A registration number, upper-cased without spaces or hyphens. */
    public static String code(String code) {
        return code.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** What in a query text may be an email, a domain, a phone number or a code, normalised per kind. */
    public static QueryForms inQuery(String text) {
        Set<String> emails = new LinkedHashSet<>();
        Matcher m = EMAILISH.matcher(text);
        while (m.find()) {
            emails.add(m.group().toLowerCase(Locale.ROOT));
        }
        Set<String> phones = new LinkedHashSet<>();
        m = PHONE.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() >= 6 && digits.length() <= 20) {
                phones.add(digits);
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        m = CODE.matcher(text);
        while (m.find()) {
            String code = code(m.group());
            if (code.chars().anyMatch(Character::isDigit)) {
                codes.add(code);
            }
        }
        return new QueryForms(emails, phones, codes);
    }

    /** Identifier candidates of a query. */
    public record QueryForms(Set<String> emails, Set<String> phones, Set<String> codes) {
        public boolean isEmpty() {
            return emails.isEmpty() && phones.isEmpty() && codes.isEmpty();
        }
    }
}

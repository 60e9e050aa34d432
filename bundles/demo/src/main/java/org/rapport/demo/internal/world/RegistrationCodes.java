package org.rapport.demo.internal.world;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/** World-unique registration numbers in the style of each jurisdiction (CN, HK, SG, GB, DE). */
final class RegistrationCodes {

    /** Characters allowed in a unified social credit code (GB 32100-2015): no I, O, S, V, Z. */
    static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final UnaryOperator<String> completeCode;
    private final Set<String> issued = new HashSet<>();

    /** @param completeCode appends the GB 32100-2015 check character to the first 17 characters of a code */
    RegistrationCodes(UnaryOperator<String> completeCode) {
        this.completeCode = completeCode;
    }

    /** A new number for a company in {@code region}, or {@code null} (outside the mainland, sometimes). */
    String next(RandomGenerator rng, Regions.Region region, Regions.City city, LocalDate createdOn) {
        if (!region.mainland() && Draws.chance(rng, 0.1)) {
            return null;
        }
        while (true) {
            String code = switch (region.country()) {
                case "CN" -> completeCode.apply(creditCodeFirst17(rng, city));
                case "HK" -> digits(rng, 7, '1', '3');
                case "SG" -> singaporeUen(rng, createdOn);
                case "GB" -> "0" + digits(rng, 7, '6', '9');
                default -> "HRB " + digits(rng, 5, '1', '9');
            };
            if (issued.add(code)) {
                return code;
            }
        }
    }

    /** "91" (enterprise), a district code, then a 9-character organisation code with its GB 11714 check digit. */
    static String creditCodeFirst17(RandomGenerator rng, Regions.City city) {
        StringBuilder body = new StringBuilder(8);
        if (Draws.chance(rng, 0.6)) {
            body.append("MA");
            for (int i = 0; i < 6; i++) {
                body.append(CREDIT_CODE_CHARS.charAt(rng.nextInt(CREDIT_CODE_CHARS.length())));
            }
        } else {
            body.append(digits(rng, 8, '1', '9'));
        }
        return "91" + Draws.pick(rng, city.districtCodes()) + body + orgCodeCheck(body);
    }

    /** The GB 11714 check character of an 8-character organisation code body. */
    static char orgCodeCheck(CharSequence body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORG_CODE_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private static String singaporeUen(RandomGenerator rng, LocalDate createdOn) {
        int year = Math.min(createdOn.getYear(), 2024) - Draws.between(rng, 0, 15);
        String letters = "ACDEGHKMNRWZ";
        return String.format(Locale.ROOT, "%d%s%c", year, digits(rng, 5, '0', '9'),
                letters.charAt(rng.nextInt(letters.length())));
    }

    /** {@code count} random digits, the first in [first, last]. */
    private static String digits(RandomGenerator rng, int count, char first, char last) {
        StringBuilder out = new StringBuilder(count);
        out.append((char) Draws.between(rng, first, last));
        for (int i = 1; i < count; i++) {
            out.append((char) ('0' + rng.nextInt(10)));
        }
        return out.toString();
    }
}

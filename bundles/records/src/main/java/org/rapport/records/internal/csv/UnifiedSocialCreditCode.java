package org.rapport.records.internal.csv;

import java.util.regex.Pattern;

/**
 * The Chinese unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * the 31-character set 0-9 and A-Z without I, O, S, V, Z; characters 3-8 are the digits of the
 * administrative region; the 18th is a check character.
 *
 * <p>Check character: each of the first 17 characters has the value of its position in the
 * character set (0-9 → 0-9, A → 10, … Y → 30) and is weighted by 3^(i-1) mod 31 for position
 * i = 1..17; the check value is 31 − (weighted sum mod 31), where 31 stands for 0, written as
 * the character of that value.
 */
public final class UnifiedSocialCreditCode {

    /** The character set in value order. */
    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int LENGTH = 18;
    private static final Pattern SHAPE =
            Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private UnifiedSocialCreditCode() {
    }

    /** True when {@code code} has the form of a unified social credit code (check character not verified). */
    public static boolean isWellFormed(String code) {
        return code != null && code.length() == LENGTH && SHAPE.matcher(code).matches();
    }

    /** True when {@code code} is well formed and its check character is right. */
    public static boolean isValid(String code) {
        return isWellFormed(code) && checkCharacter(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1);
    }

    /**
     * The check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 characters of the set
     */
    public static char checkCharacter(String first17) {
        String complete = org.rapport.records.RegistrationNumbers.complete(first17);
        return complete.charAt(LENGTH - 1);
    }
}

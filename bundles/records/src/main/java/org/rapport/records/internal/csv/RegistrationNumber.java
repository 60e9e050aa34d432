package org.rapport.records.internal.csv;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks and normalises a company registration number cell.
 *
 * <p>A value that, without spaces and hyphens, is 18 letters or digits is taken as a unified
 * social credit code ({@link UnifiedSocialCreditCode}): it must have the GB 32100-2015 form and
 * check character, and is stored compact and upper-cased. 17 or 19 such characters that start
 * like a credit code are rejected as mistyped. Anything else — the old 15-digit 注册号, a
 * 9-character organisation code such as "10001043-3", a foreign company number — is accepted as
 * entered, upper-cased, when it is at most 50 letters, digits, spaces and {@code - / . ( )}.
 */
final class RegistrationNumber {

    static final int MAX_OTHER_LENGTH = 50;

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern ALPHANUMERIC_18 = Pattern.compile("[0-9A-Z]{18}");
    private static final Pattern CREDIT_CODE_LIKE = Pattern.compile("[0-9A-Z]{17}|[0-9A-Z]{19}");
    private static final Pattern CREDIT_CODE_START = Pattern.compile("[1-9ANY][0-9A-Z][0-9]{6}.*");
    private static final Pattern OTHER = Pattern.compile("[0-9A-Z][0-9A-Z ./()\\-]*");

    private RegistrationNumber() {
    }

    /**
     * @param mismatchIsError whether a wrong check character is an error or only reported to
     *     {@code warnings}
     * @throws IllegalArgumentException with a message for the user when the value is rejected
     */
    static String normalise(String text, boolean mismatchIsError, Consumer<String> warnings) {
        String upper = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        String compact = SEPARATORS.matcher(upper).replaceAll("");
        if (ALPHANUMERIC_18.matcher(compact).matches()) {
            return creditCode(text, compact, mismatchIsError, warnings);
        }
        if (CREDIT_CODE_LIKE.matcher(compact).matches() && CREDIT_CODE_START.matcher(compact).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" looks like a unified social credit code but has "
                    + compact.length() + " characters instead of 18");
        }
        if (upper.length() > MAX_OTHER_LENGTH || !OTHER.matcher(upper).matches()) {
            throw new IllegalArgumentException("not a registration number: \"" + text
                    + "\" (letters, digits, spaces and - / . ( ) only, at most " + MAX_OTHER_LENGTH + ")");
        }
        return upper;
    }

    private static String creditCode(String text, String code, boolean mismatchIsError, Consumer<String> warnings) {
        if (!UnifiedSocialCreditCode.isWellFormed(code)) {
            throw new IllegalArgumentException("not a valid unified social credit code: \"" + text
                    + "\" (18 characters from 0-9 and A-Z without I, O, S, V, Z; characters 3-8 are digits)");
        }
        char expected = UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17));
        if (expected != code.charAt(17)) {
            String message = "unified social credit code \"" + text + "\" has a wrong check character (the last "
                    + "character should be " + expected + "); check for a typing error";
            if (mismatchIsError) {
                throw new IllegalArgumentException(message);
            }
            warnings.accept(message);
        }
        return code;
    }
}

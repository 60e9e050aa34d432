package org.rapport.records;

import java.util.Locale;

/**
 * The unified social credit code of mainland Chinese organisations (GB 32100-2015): 18
 * characters from {@code 0-9} and {@code A-Y} without {@code I O S V Z}; the last is a check
 * character over the first 17 (weights {@code 3^i mod 31}).
 *
 * @since 0.1
 */
public final class RegistrationNumbers {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int LENGTH = 18;

    private RegistrationNumbers() {
    }

    /** Trims and upper-cases; removes spaces and dashes. {@code null} stays {@code null}. */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** True when {@code value} has the shape of a unified social credit code (18 allowed characters). */
    public static boolean looksLikeCreditCode(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code value} is a unified social credit code with a correct check character. */
    public static boolean isValidCreditCode(String value) {
        return looksLikeCreditCode(value) && checkCharacter(value.substring(0, LENGTH - 1)) == value.charAt(LENGTH - 1);
    }

    /**
     * Appends the check character to the first 17 characters of a code.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 allowed characters
     */
    public static String complete(String first17) {
        return first17 + checkCharacter(first17);
    }

    static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("Expected 17 characters");
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Character '" + first17.charAt(i) + "' is not allowed");
            }
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}

package org.rapport.records.internal.csv;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbers people type in spreadsheets: "1,234,567.89", "1 234", full-width digits,
 * a "¥" / "$" / "RMB" / "CNY" prefix, a "元" or "人" suffix, and the Chinese units
 * 千 (10³), 万 (10⁴) and 亿 (10⁸), which multiply ("1.2万" = 12000, "3亿" = 300000000,
 * "2万亿" = 2×10¹²).
 *
 * <p>Thousands separators must group by three ("1,23" is rejected, as it may be a European
 * decimal comma); exponents, fractions and accounting brackets are rejected.
 */
final class ChineseNumber {

    private static final int MAX_DIGITS = 40;
    private static final Pattern PREFIX = Pattern.compile("^(¥|\\$|us\\$|rmb|cny|usd)\\s*");
    private static final Pattern SUFFIX = Pattern.compile("\\s*(元|人|人民币|rmb|cny)$");
    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(?<sep>[, ])\\d{3}(\\k<sep>\\d{3})*(\\.\\d+)?");

    private ChineseNumber() {
    }

    /**
     * @throws IllegalArgumentException with a message for the user when {@code text} is not a
     *     number
     */
    static BigDecimal parse(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1).strip();
        }
        s = PREFIX.matcher(s).replaceFirst("");
        if (!negative && s.startsWith("-")) {
            negative = true;
            s = s.substring(1).strip();
        }
        s = SUFFIX.matcher(s).replaceFirst("");
        int exponent = 0;
        while (!s.isEmpty()) {
            char unit = s.charAt(s.length() - 1);
            int scale = unit == '千' ? 3 : unit == '万' ? 4 : unit == '亿' ? 8 : 0;
            if (scale == 0) {
                break;
            }
            exponent += scale;
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("not a number: too many digits");
        }
        String digits;
        if (PLAIN.matcher(s).matches()) {
            digits = s;
        } else {
            Matcher grouped = GROUPED.matcher(s);
            if (!grouped.matches()) {
                throw new IllegalArgumentException("not a number: \"" + text.strip() + "\"");
            }
            digits = s.replace(grouped.group("sep"), "");
        }
        BigDecimal value = new BigDecimal(digits).movePointRight(exponent);
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return negative ? value.negate() : value;
    }
}

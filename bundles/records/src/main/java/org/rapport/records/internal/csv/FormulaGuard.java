package org.rapport.records.internal.csv;

import java.util.regex.Pattern;

/**
 * Recognises cells that a spreadsheet would run as a formula (CSV injection) and neutralises
 * them for export, following the OWASP guidance: a leading {@code = + - @ TAB CR} is made
 * inert by prefixing an apostrophe. Plain numbers such as {@code -12.5} are left alone.
 */
public final class FormulaGuard {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d[\\d,]*(\\.\\d+)?|\\.\\d+)");

    private FormulaGuard() {
    }

    /** True when {@code cell} starts with {@code = + - @ TAB CR} and is not a plain number. */
    public static boolean isFormulaLike(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@'
                || first == '\t' || first == '\r';
        return trigger && !PLAIN_NUMBER.matcher(cell).matches();
    }

    /** {@code cell} with a leading apostrophe when it is formula-like, else unchanged. */
    public static String neutralise(String cell) {
        return isFormulaLike(cell) ? "'" + cell : cell;
    }
}

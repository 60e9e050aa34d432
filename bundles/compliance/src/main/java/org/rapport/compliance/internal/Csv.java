package org.rapport.compliance.internal;

import java.util.List;

/**
 * CSV lines (RFC 4180) for downloads opened in spreadsheets: fields quoted when needed, and a
 * value that would start a formula ({@code = + - @}, tab, carriage return) prefixed with an
 * apostrophe so it stays text.
 */
public final class Csv {

    private Csv() {
    }

    public static String line(List<?> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && !(value instanceof Number) && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

package org.rapport.accounts.internal.engine;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/** Locale-independent number, money and list formatting for the zh / en explanations. */
final class Format {

    private Format() {
    }

    /** One decimal, dot separator, e.g. {@code 4.5}. */
    static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** No decimals from 100 up, one decimal below: {@code 2000}, {@code 20.5}. */
    static String compact(double value) {
        return Math.abs(value) >= 100 ? String.valueOf(Math.round(value)) : oneDecimal(value);
    }

    /** A signed whole percentage, e.g. {@code +35%} or {@code -75%}. */
    static String signedPercent(double ratio) {
        long percent = Math.round(ratio * 100);
        return (percent > 0 ? "+" : "") + percent + "%";
    }

    /** An amount in CNY for English text: {@code CNY 850}, {@code CNY 12.5K}, {@code CNY 200M}, {@code CNY 1.1bn}. */
    static String moneyEn(BigDecimal amount) {
        double v = amount.doubleValue();
        double abs = Math.abs(v);
        if (abs >= 1e9) {
            return "CNY " + compact(v / 1e9) + "bn";
        }
        if (abs >= 1e6) {
            return "CNY " + compact(v / 1e6) + "M";
        }
        if (abs >= 1e4) {
            return "CNY " + compact(v / 1e3) + "K";
        }
        return "CNY " + Math.round(v);
    }

    /** An amount in CNY for Chinese text: {@code 850 元}, {@code 2000 万元}, {@code 3.2 亿元}. */
    static String moneyZh(BigDecimal amount) {
        double v = amount.doubleValue();
        double abs = Math.abs(v);
        if (abs >= 1e8) {
            return compact(v / 1e8) + " 亿元";
        }
        if (abs >= 1e4) {
            return compact(v / 1e4) + " 万元";
        }
        return Math.round(v) + " 元";
    }

    /** The items sorted and comma-joined, so texts do not depend on set iteration order. */
    static String sortedList(Collection<String> items) {
        return String.join(", ", new TreeSet<>(items));
    }

    /** {@code "1 complaint"} / {@code "3 complaints"}. */
    static String plural(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}

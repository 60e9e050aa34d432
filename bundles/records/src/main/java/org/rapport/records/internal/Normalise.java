package org.rapport.records.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Canonical forms used for storage, filtering and duplicate detection. */
public final class Normalise {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Legal-form and filler words ignored when comparing company names (after lower-casing and NFKC). */
    private static final List<String> LEGAL_FORMS = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "集团", "公司",
            "company", "limited", "holdings", "group", "corporation", "corp", "co", "ltd", "llc", "inc",
            "gmbh", "ag", "pte", "plc", "sa", "bv", "the");

    private Normalise() {
    }

    /** Trimmed text without control characters; blank becomes {@code null}. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = CONTROL.matcher(value).replaceAll("").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** A lower-case id such as an industry or region; blank becomes {@code null}. */
    public static String id(String value) {
        String text = text(value);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /**
     * The comparison key of a company name: NFKC (full-width to half-width), lower case, legal
     * forms removed, only letters and digits. "ACME Co., Ltd." and "Acme Limited" share a key;
     * "上海恒瑞机械有限公司" and "上海恒瑞机械股份有限公司" too.
     */
    public static String nameKey(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(folded)) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                words.add(word);
            }
        }
        String joined = String.join("", words);
        for (String form : LEGAL_FORMS) {
            if (form.codePointAt(0) > 0x2E80 && joined.endsWith(form) && joined.length() > form.length()) {
                joined = joined.substring(0, joined.length() - form.length());
            }
        }
        if (joined.isEmpty()) {
            joined = NOT_WORD.matcher(folded).replaceAll("");
        }
        return joined.length() > 200 ? joined.substring(0, 200) : joined;
    }

    /** The comparison key of an email address: trimmed, lower case. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A phone number in a canonical form: digits with a leading {@code +} when it had one;
     * Chinese mobile numbers (11 digits starting with 1) get {@code +86}; a leading {@code 00}
     * becomes {@code +}. Returns {@code null} when fewer than 5 digits remain.
     */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.length() < 5 || digits.length() > 20) {
            return null;
        }
        String number = digits.toString();
        if (trimmed.startsWith("+")) {
            return "+" + number;
        }
        if (number.startsWith("00")) {
            return "+" + number.substring(2);
        }
        if (number.length() == 11 && number.charAt(0) == '1') {
            return "+86" + number;
        }
        if (number.length() == 13 && number.startsWith("861")) {
            return "+" + number;
        }
        return number;
    }

    /** Tags trimmed, blank ones dropped, duplicates (case-insensitive) removed, order kept. */
    public static List<String> tags(List<String> tags) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            String text = text(tag);
            if (text != null && !text.contains("|") && seen.add(text.toLowerCase(Locale.ROOT))) {
                out.add(text);
            }
        }
        return out;
    }

    /** Tags as stored: {@code |a|b|}, so a tag filter is a LIKE on {@code %|tag|%}. */
    public static String encodeTags(List<String> tags) {
        return tags.isEmpty() ? "" : "|" + String.join("|", tags) + "|";
    }

    public static List<String> decodeTags(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String tag : stored.split("\\|")) {
            if (!tag.isEmpty()) {
                out.add(tag);
            }
        }
        return out;
    }
}

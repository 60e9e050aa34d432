package org.rapport.records.internal.csv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the raw cells of one mapped record ({@link HeaderMapping#map}) into a validated
 * {@link ImportRow}, or into field errors.
 *
 * <p>Every value is cleaned first ({@link TextCleaner}). Errors: a missing or over-long name,
 * numbers that do not parse ({@link ChineseNumber}) or are negative, employees that are not a
 * whole number, invalid e-mail addresses or phone numbers, unknown languages, channels or time
 * zones, over-long texts, a malformed unified social credit code, and unreadable characters
 * (U+FFFD or private-use characters, i.e. a wrong charset) in the name, registration number,
 * contact name, e-mail or phone. Warnings (the row is still imported): text that starts like a
 * spreadsheet formula ({@link FormulaGuard}; kept verbatim, neutralised on export), unreadable
 * characters in other fields, a channel Rapport does not serve (WeChat), which is left empty.
 *
 * <p>Registration numbers are checked by {@link RegistrationNumber}. A few real unified social
 * credit codes issued before the standard fail the check character; construct the validator
 * with {@code checkCharacterMismatchIsError = false} to import those with a warning instead.
 */
public final class RowValidator {

    public static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 100;
    static final int MAX_STATUS_LENGTH = 50;
    static final int MAX_TAG_LENGTH = 50;
    static final int MAX_TAGS = 50;

    /** Fields in which unreadable characters make the row unusable. */
    private static final Set<CsvField> KEY_FIELDS = EnumSet.of(CsvField.NAME, CsvField.REGISTRATION_NO,
            CsvField.CONTACT_NAME, CsvField.EMAIL, CsvField.PHONE);
    /** Fields stored as free text, where formula-like content survives and is flagged. */
    private static final Set<CsvField> TEXT_FIELDS = EnumSet.of(CsvField.NAME, CsvField.REGISTRATION_NO,
            CsvField.INDUSTRY, CsvField.REGION, CsvField.TAGS, CsvField.STATUS, CsvField.CONTACT_NAME,
            CsvField.CONTACT_TITLE, CsvField.EMAIL);
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[;；|｜、，,]");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[;；,，、\\n]");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[;；,，、/|\\n]");

    private static final String UNREADABLE =
            "unreadable characters — check the file's encoding (save it as UTF-8, or name its charset, e.g. GBK)";

    private final boolean checkCharacterMismatchIsError;

    /** A validator that rejects unified social credit codes with a wrong check character. */
    public RowValidator() {
        this(true);
    }

    /**
     * @param checkCharacterMismatchIsError false to import credit codes with a wrong check
     *     character with a warning
     */
    public RowValidator(boolean checkCharacterMismatchIsError) {
        this.checkCharacterMismatchIsError = checkCharacterMismatchIsError;
    }

    /**
     * @param line the record's starting line, for the issues
     * @param raw field → raw cell, as {@link HeaderMapping#map} returns it
     */
    public RowResult validate(long line, Map<CsvField, String> raw) {
        Issues issues = new Issues(line);
        for (CsvField field : TEXT_FIELDS) {
            String cell = raw.get(field);
            if (cell != null && FormulaGuard.isFormulaLike(cell)) {
                issues.warn(field, "starts with \"" + printable(cell.charAt(0))
                        + "\", which a spreadsheet may run as a formula; kept as text (exports neutralise it)");
            }
        }
        Values values = new Values(raw, issues);

        String name = values.text(CsvField.NAME, MAX_NAME_LENGTH);
        if (name == null && !issues.hasError(CsvField.NAME)) {
            issues.error(CsvField.NAME, "name is required");
        }
        String registrationNo = values.parse(CsvField.REGISTRATION_NO,
                text -> RegistrationNumber.normalise(text, checkCharacterMismatchIsError,
                        warning -> issues.warn(CsvField.REGISTRATION_NO, warning)));
        String industry = values.text(CsvField.INDUSTRY, MAX_TEXT_LENGTH);
        String region = values.text(CsvField.REGION, MAX_TEXT_LENGTH);
        BigDecimal revenue = values.parse(CsvField.ANNUAL_REVENUE, RowValidator::revenue);
        Integer employees = values.parse(CsvField.EMPLOYEES, RowValidator::employees);
        List<String> tags = values.list(CsvField.TAGS, TAG_SEPARATORS, RowValidator::tag);
        if (tags.size() > MAX_TAGS) {
            issues.error(CsvField.TAGS, "more than " + MAX_TAGS + " tags");
        }
        String status = values.text(CsvField.STATUS, MAX_STATUS_LENGTH);
        String contactName = values.text(CsvField.CONTACT_NAME, MAX_TEXT_LENGTH);
        String contactTitle = values.text(CsvField.CONTACT_TITLE, MAX_TEXT_LENGTH);
        List<String> emails = values.list(CsvField.EMAIL, LIST_SEPARATORS, EmailAddress::normalise);
        List<String> phones = values.list(CsvField.PHONE, PHONE_SEPARATORS, PhoneNumber::normalise);
        String channel = values.parse(CsvField.PREFERRED_CHANNEL, ContactPreferences::channel);
        if (channel == null && values.present(CsvField.PREFERRED_CHANNEL) && !issues.hasError(CsvField.PREFERRED_CHANNEL)) {
            issues.warn(CsvField.PREFERRED_CHANNEL, "\"" + values.cleaned(CsvField.PREFERRED_CHANNEL)
                    + "\" is not a channel Rapport serves (email, sms, webchat, phone); left empty");
        }
        String language = values.parse(CsvField.LANGUAGE, ContactPreferences::language);
        String timeZone = values.parse(CsvField.TIME_ZONE, ContactPreferences::timeZone);

        if (issues.hasErrors()) {
            return new RowResult(line, null, issues.errors, issues.warnings);
        }
        ImportRow row = new ImportRow(name, registrationNo, industry, region, revenue, employees, tags, status,
                contactName, contactTitle, emails, phones, channel, language, timeZone);
        return new RowResult(line, row, List.of(), issues.warnings);
    }

    private static BigDecimal revenue(String text) {
        BigDecimal value = ChineseNumber.parse(text);
        if (value.signum() < 0) {
            throw new IllegalArgumentException("annual revenue must not be negative: \"" + text + "\"");
        }
        return value;
    }

    private static Integer employees(String text) {
        BigDecimal value = ChineseNumber.parse(text);
        if (value.signum() < 0) {
            throw new IllegalArgumentException("employees must not be negative: \"" + text + "\"");
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("employees must be a whole number: \"" + text + "\"");
        }
    }

    private static String tag(String text) {
        if (text.codePointCount(0, text.length()) > MAX_TAG_LENGTH) {
            throw new IllegalArgumentException("tag longer than " + MAX_TAG_LENGTH + " characters: \"" + text + "\"");
        }
        return text;
    }

    private static String printable(char c) {
        return c == '\t' ? "TAB" : c == '\r' ? "CR" : String.valueOf(c);
    }

    /** The cleaned cells of one record, read field by field, with problems reported to {@link Issues}. */
    private static final class Values {

        private final Map<CsvField, String> raw;
        private final Issues issues;

        Values(Map<CsvField, String> raw, Issues issues) {
            this.raw = raw;
            this.issues = issues;
        }

        boolean present(CsvField field) {
            return cleaned(field) != null;
        }

        /** The cleaned cell, or null when absent or blank. */
        String cleaned(CsvField field) {
            String cell = raw.get(field);
            if (cell == null) {
                return null;
            }
            String cleaned = TextCleaner.clean(cell);
            return cleaned.isEmpty() ? null : cleaned;
        }

        /** The cleaned cell, or null when absent, blank or unreadable in a key field. */
        String usable(CsvField field) {
            String value = cleaned(field);
            if (value != null && TextCleaner.hasUnreadable(value)) {
                if (KEY_FIELDS.contains(field)) {
                    issues.error(field, UNREADABLE);
                    return null;
                }
                issues.warn(field, UNREADABLE);
            }
            return value;
        }

        String text(CsvField field, int maxLength) {
            String value = usable(field);
            if (value != null && value.codePointCount(0, value.length()) > maxLength) {
                issues.error(field, field.key() + " is longer than " + maxLength + " characters");
                return null;
            }
            return value;
        }

        <T> T parse(CsvField field, Function<String, T> parser) {
            String value = usable(field);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                issues.error(field, e.getMessage());
                return null;
            }
        }

        List<String> list(CsvField field, Pattern separators, Function<String, String> parser) {
            String value = usable(field);
            if (value == null) {
                return List.of();
            }
            Set<String> items = new LinkedHashSet<>();
            for (String part : separators.split(value)) {
                String item = TextCleaner.clean(part);
                if (item.isEmpty()) {
                    continue;
                }
                try {
                    items.add(parser.apply(item));
                } catch (IllegalArgumentException e) {
                    issues.error(field, e.getMessage());
                }
            }
            return List.copyOf(items);
        }
    }

    /** The errors and warnings of one record. */
    private static final class Issues {

        private final long line;
        final List<FieldIssue> errors = new ArrayList<>();
        final List<FieldIssue> warnings = new ArrayList<>();

        Issues(long line) {
            this.line = line;
        }

        void error(CsvField field, String message) {
            errors.add(FieldIssue.of(line, field, message));
        }

        void warn(CsvField field, String message) {
            warnings.add(FieldIssue.of(line, field, message));
        }

        boolean hasErrors() {
            return !errors.isEmpty();
        }

        boolean hasError(CsvField field) {
            return errors.stream().anyMatch(e -> e.field().equals(field.key()));
        }
    }
}

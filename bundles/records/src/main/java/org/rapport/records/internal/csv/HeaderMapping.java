package org.rapport.records.internal.csv;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the header cells of an import file to {@link CsvField}s and turns records into
 * field → raw value maps.
 *
 * <p>Rules, in order: a column named in the caller's explicit mapping gets the field given
 * there (an empty value, "-" or "ignore" drops the column); otherwise the header is looked up
 * among the fields' aliases, ignoring case, white space, punctuation and full-width forms, and
 * ignoring bracketed remarks such as "(必填)". Unknown columns are ignored and listed in
 * {@link #warnings()}. A missing {@code name} column, or an explicit mapping to an unknown field,
 * is an error ({@link #errors()}): nothing should be imported.
 *
 * <p>A revenue header that states a unit, such as "年收入（万元）" or "营业收入(亿元)", scales the
 * plain numbers of its column: {@code 1200} becomes {@code 1200万}, which {@link RowValidator}
 * reads as 12,000,000. A cell that carries its own unit ("1.5亿") is left as it is.
 */
public final class HeaderMapping {

    private static final Pattern BRACKETED = Pattern.compile("[(\\[【〔]([^)\\]】〕]*)[)\\]】〕]");
    private static final List<String> UNIT_SUFFIXES = List.of("万元", "亿元", "千元", "元", "万", "亿", "千");
    private static final String NAME_HEADERS = "公司名称, 企业名称, 客户名称, company, company name";
    private static final List<String> IGNORE = List.of("", "-", "ignore", "none", "忽略");

    /** One column of the file and what it maps to. */
    public record Column(int index, String header, CsvField field, String unit) {
        /** True when the column is imported. */
        public boolean mapped() {
            return field != null;
        }
    }

    private final List<Column> columns;
    private final Map<CsvField, List<Column>> byField;
    private final List<String> warnings;
    private final List<String> errors;

    private HeaderMapping(List<Column> columns, List<String> warnings, List<String> errors) {
        this.columns = List.copyOf(columns);
        this.warnings = List.copyOf(warnings);
        this.errors = List.copyOf(errors);
        Map<CsvField, List<Column>> fields = new EnumMap<>(CsvField.class);
        for (Column column : columns) {
            if (column.mapped()) {
                fields.computeIfAbsent(column.field(), f -> new ArrayList<>()).add(column);
            }
        }
        this.byField = fields;
    }

    /** Maps {@code header} using the aliases only. */
    public static HeaderMapping resolve(List<String> header) {
        return resolve(header, Map.of());
    }

    /**
     * @param header the cells of the header record
     * @param explicit header text → field key (or alias) supplied by the caller; overrides the
     *     aliases; may be empty
     */
    public static HeaderMapping resolve(List<String> header, Map<String, String> explicit) {
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, String> explicitByHeader = new HashMap<>();
        Map<String, String> unusedExplicit = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : explicit.entrySet()) {
            String key = CsvField.normalise(entry.getKey());
            String target = entry.getValue() == null ? "" : entry.getValue();
            explicitByHeader.put(key, target);
            unusedExplicit.put(key, entry.getKey());
        }

        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String text = header.get(i).strip();
            String normalised = CsvField.normalise(text);
            CsvField field = null;
            if (explicitByHeader.containsKey(normalised) && !normalised.isEmpty()) {
                unusedExplicit.remove(normalised);
                String target = explicitByHeader.get(normalised);
                if (!IGNORE.contains(target.strip().toLowerCase(Locale.ROOT))) {
                    field = CsvField.lookup(target).orElse(null);
                    if (field == null) {
                        errors.add("mapping: column \"" + text + "\" is mapped to \"" + target
                                + "\", which is not a known field");
                    }
                }
            } else if (text.isEmpty()) {
                warnings.add("column " + (i + 1) + " has no header and is ignored");
            } else {
                field = byAlias(text).orElse(null);
                if (field == null) {
                    warnings.add("column \"" + text + "\" is not a known field and is ignored");
                }
            }
            String unit = field == CsvField.ANNUAL_REVENUE ? unitOf(text) : null;
            columns.add(new Column(i, text, field, unit));
        }
        for (String unused : unusedExplicit.values()) {
            warnings.add("mapping: the file has no column \"" + unused + "\"");
        }
        checkDuplicates(columns, warnings);
        if (columns.stream().noneMatch(c -> c.field() == CsvField.NAME)) {
            String hint = header.stream().anyMatch(TextCleaner::hasUnreadable)
                    ? "; the header has unreadable characters — check the file's encoding (e.g. GBK, UTF-8)" : "";
            errors.add("required column \"name\" is missing (headers accepted: "
                    + NAME_HEADERS + "; or map a column to \"name\")" + hint);
        }
        return new HeaderMapping(columns, warnings, errors);
    }

    /** All columns of the header, in file order. */
    public List<Column> columns() {
        return columns;
    }

    /** Ignored and doubled columns, unused mapping entries. */
    public List<String> warnings() {
        return warnings;
    }

    /** Fatal header problems; when not empty, nothing should be imported. */
    public List<String> errors() {
        return errors;
    }

    public boolean isUsable() {
        return errors.isEmpty();
    }

    /** True when some column maps to {@code field}. */
    public boolean has(CsvField field) {
        return byField.containsKey(field);
    }

    /**
     * The raw (untrimmed) values of a record by field. Fields whose cells are all empty are
     * absent; several columns of one field are combined as {@link CsvField} says.
     */
    public Map<CsvField, String> map(List<String> cells) {
        Map<CsvField, String> values = new EnumMap<>(CsvField.class);
        for (Map.Entry<CsvField, List<Column>> entry : byField.entrySet()) {
            CsvField field = entry.getKey();
            List<String> parts = new ArrayList<>();
            for (Column column : entry.getValue()) {
                String cell = column.index() < cells.size() ? cells.get(column.index()) : "";
                if (!cell.isBlank()) {
                    parts.add(withUnit(cell, column.unit()));
                }
                if (field.join() == CsvField.Join.NONE) {
                    break;
                }
            }
            if (!parts.isEmpty()) {
                String separator = field.join().separator;
                values.put(field, separator == null ? parts.get(0) : String.join(separator, parts));
            }
        }
        return values;
    }

    private static Optional<CsvField> byAlias(String header) {
        String nfkc = Normalizer.normalize(header, Normalizer.Form.NFKC);
        String withoutRemarks = BRACKETED.matcher(nfkc).replaceAll("");
        Optional<CsvField> field = CsvField.lookup(withoutRemarks);
        if (field.isEmpty()) {
            field = CsvField.lookup(nfkc);
        }
        if (field.isEmpty()) {
            String normalised = CsvField.normalise(withoutRemarks);
            for (String suffix : UNIT_SUFFIXES) {
                if (normalised.endsWith(suffix) && normalised.length() > suffix.length()) {
                    field = CsvField.lookup(normalised.substring(0, normalised.length() - suffix.length()));
                    break;
                }
            }
        }
        return field;
    }

    /** "万", "亿" or "千" when the header states that unit, e.g. "年收入（万元）"; else null. */
    static String unitOf(String header) {
        String nfkc = Normalizer.normalize(header, Normalizer.Form.NFKC);
        Matcher bracketed = BRACKETED.matcher(nfkc);
        StringBuilder remarks = new StringBuilder();
        while (bracketed.find()) {
            remarks.append(bracketed.group(1));
        }
        String unitText = remarks.length() > 0 ? remarks.toString() : CsvField.normalise(nfkc);
        if (remarks.length() == 0 && !endsWithUnit(unitText)) {
            return null;
        }
        for (String unit : List.of("亿", "万", "千")) {
            if (unitText.contains(unit)) {
                return unit;
            }
        }
        return null;
    }

    private static boolean endsWithUnit(String normalised) {
        return UNIT_SUFFIXES.stream().anyMatch(normalised::endsWith);
    }

    private static String withUnit(String cell, String unit) {
        if (unit == null) {
            return cell;
        }
        String trimmed = cell.strip();
        boolean hasOwnUnit = trimmed.contains("万") || trimmed.contains("亿") || trimmed.contains("千");
        if (hasOwnUnit) {
            return cell;
        }
        return trimmed.endsWith("元") ? trimmed.substring(0, trimmed.length() - 1) + unit : trimmed + unit;
    }

    private static void checkDuplicates(List<Column> columns, List<String> warnings) {
        Map<CsvField, Column> first = new EnumMap<>(CsvField.class);
        for (Column column : columns) {
            if (!column.mapped()) {
                continue;
            }
            Column earlier = first.putIfAbsent(column.field(), column);
            if (earlier != null && column.field().join() == CsvField.Join.NONE) {
                warnings.add("column \"" + column.header() + "\" also maps to \"" + column.field().key()
                        + "\"; only column \"" + earlier.header() + "\" is used");
            }
        }
    }
}

package org.rapport.records.internal.csv;

import java.util.List;

/**
 * The outcome of validating one record: a valid {@link ImportRow} (possibly with warnings), or
 * the errors that keep it from being imported.
 *
 * @param line 1-based physical line where the record starts
 * @param row the validated row, or null when there are errors
 * @param errors empty when {@code row} is set
 * @param warnings things kept but worth a look (formula-like text, ignored values)
 */
public record RowResult(long line, ImportRow row, List<FieldIssue> errors, List<FieldIssue> warnings) {

    public RowResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if ((row == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a result has either a row or errors");
        }
    }

    /** A record that could not be read at all (oversize, unterminated quote). */
    static RowResult unreadable(CsvRecord record) {
        return new RowResult(record.line(), null,
                List.of(new FieldIssue(record.line(), FieldIssue.RECORD, record.message())), List.of());
    }

    public boolean isValid() {
        return row != null;
    }
}

package org.rapport.records.internal.csv;

/**
 * A problem found in an import file, located by line and field.
 *
 * @param line 1-based physical line where the record starts
 * @param field the canonical field key ("email"), or {@link #RECORD} for the record as a whole
 * @param message what is wrong, for the user
 */
public record FieldIssue(long line, String field, String message) {

    /** The {@link #field()} of problems that concern a whole record. */
    public static final String RECORD = "record";

    static FieldIssue of(long line, CsvField field, String message) {
        return new FieldIssue(line, field.key(), message);
    }
}

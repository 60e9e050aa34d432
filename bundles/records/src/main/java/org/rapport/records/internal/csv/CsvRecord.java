package org.rapport.records.internal.csv;

import java.util.List;

/**
 * One record read by {@link CsvReader}: its cells and the physical line it starts on, or a
 * problem (oversize, unterminated quote) that made the record unusable.
 *
 * @param line 1-based physical line on which the record starts
 * @param fields the cells in file order; empty for a record with a problem
 * @param status whether the record is usable
 * @param message a human-readable explanation when {@code status} is not {@link Status#OK}, else null
 */
public record CsvRecord(long line, List<String> fields, Status status, String message) {

    /** Whether a record could be read. */
    public enum Status {
        /** Read completely; {@link #fields()} holds the cells. */
        OK,
        /** Longer than the reader's limit; skipped without being held in memory. */
        OVERSIZE,
        /** A quoted field was still open at the end of the input. */
        UNTERMINATED_QUOTE
    }

    public CsvRecord {
        fields = List.copyOf(fields);
    }

    static CsvRecord ok(long line, List<String> fields) {
        return new CsvRecord(line, fields, Status.OK, null);
    }

    static CsvRecord problem(long line, Status status, String message) {
        return new CsvRecord(line, List.of(), status, message);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    /** The cell at {@code index}, or "" when the record is shorter. */
    public String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    /** True when every cell is empty or whitespace (a line of only delimiters). */
    public boolean isBlank() {
        return isOk() && fields.stream().allMatch(String::isBlank);
    }
}

package org.rapport.records.internal.csv;

import java.util.List;

/**
 * What {@link ClientCsvParser} found in a file, besides the rows it handed over.
 *
 * @param charset how the bytes were decoded and why
 * @param delimiter the cell delimiter used
 * @param headerLine the line of the header record, or 0 when none was found
 * @param header the header mapping, or null when the file has no readable header
 * @param headerErrors fatal problems; when not empty no row was handed over
 * @param headerWarnings ignored columns, unused mapping entries, title lines skipped
 * @param rows data records handed over (blank records are not counted)
 * @param validRows rows that validated
 * @param invalidRows rows with errors, unreadable records included
 * @param stopped true when the sink asked to stop before the end of the file
 */
public record ImportSummary(
        CsvCharset.Detection charset,
        char delimiter,
        long headerLine,
        HeaderMapping header,
        List<String> headerErrors,
        List<String> headerWarnings,
        long rows,
        long validRows,
        long invalidRows,
        boolean stopped) {

    public ImportSummary {
        headerErrors = List.copyOf(headerErrors);
        headerWarnings = List.copyOf(headerWarnings);
    }

    /** True when the header was usable (rows may still have errors). */
    public boolean headerOk() {
        return headerErrors.isEmpty();
    }
}

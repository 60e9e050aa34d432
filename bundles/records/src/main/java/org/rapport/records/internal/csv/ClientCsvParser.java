package org.rapport.records.internal.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a client import file end to end: decodes it ({@link CsvCharset}), guesses the
 * delimiter, finds and maps the header ({@link HeaderMapping}), then validates each record
 * ({@link RowValidator}) and hands it to a sink, one at a time, so files of any length are read
 * in bounded memory.
 *
 * <p>The header is the first non-blank record whose columns include the company name; up to
 * {@value #MAX_LEADING_RECORDS} leading records (a title such as "客户名单") may come before it
 * and are skipped with a warning. When no such record is found, or the explicit mapping names an
 * unknown field, the summary carries header errors and no row is handed over. Oversize records
 * and unterminated quotes reach the sink as invalid rows with a {@link FieldIssue#RECORD} error.
 * The input stream is not closed.
 */
public final class ClientCsvParser {

    /** How many non-blank records may precede the header. */
    public static final int MAX_LEADING_RECORDS = 10;
    private static final int SAMPLE_CHARS = 16 * 1024;

    /** Receives the rows of a file in order; returns false to stop reading. */
    @FunctionalInterface
    public interface RowSink {
        boolean accept(RowResult row);
    }

    private final ImportOptions options;

    public ClientCsvParser(ImportOptions options) {
        this.options = options;
    }

    public ImportSummary parse(InputStream in, RowSink sink) throws IOException {
        CsvCharset.DecodedInput input = CsvCharset.open(in, options.charset());
        Reader reader = new BufferedReader(input.reader(), SAMPLE_CHARS);
        char delimiter = options.delimiter() != null ? options.delimiter() : sniffDelimiter(reader);
        CsvReader csv = new CsvReader(reader, delimiter, options.maxRecordChars());

        List<String> warnings = new ArrayList<>();
        HeaderMapping header = null;
        long headerLine = 0;
        HeaderMapping firstCandidate = null;
        long firstLine = 0;
        for (int seen = 0; seen < MAX_LEADING_RECORDS && header == null; ) {
            CsvRecord record = csv.next();
            if (record == null) {
                break;
            }
            if (!record.isOk()) {
                String error = "the header (line " + record.line() + ") could not be read: " + record.message();
                return new ImportSummary(input.detection(), delimiter, 0, null, List.of(error), warnings, 0, 0, 0, false);
            }
            if (record.isBlank()) {
                continue;
            }
            seen++;
            HeaderMapping candidate = HeaderMapping.resolve(record.fields(), options.mapping());
            if (candidate.isUsable()) {
                header = candidate;
                headerLine = record.line();
            } else if (firstCandidate == null) {
                firstCandidate = candidate;
                firstLine = record.line();
            }
        }
        if (header == null) {
            List<String> errors = firstCandidate == null ? List.of("the file is empty") : firstCandidate.errors();
            return new ImportSummary(input.detection(), delimiter, firstLine, firstCandidate, errors,
                    firstCandidate == null ? warnings : firstCandidate.warnings(), 0, 0, 0, false);
        }
        if (firstCandidate != null) {
            warnings.add("lines " + firstLine + "–" + (headerLine - 1) + " before the header (line " + headerLine
                    + ") were skipped");
        }
        warnings.addAll(header.warnings());
        return readRows(csv, input.detection(), delimiter, header, headerLine, warnings, sink);
    }

    private ImportSummary readRows(CsvReader csv, CsvCharset.Detection charset, char delimiter, HeaderMapping header,
            long headerLine, List<String> warnings, RowSink sink) throws IOException {
        RowValidator validator = new RowValidator(options.checkCharacterMismatchIsError());
        int width = header.columns().size();
        long rows = 0;
        long valid = 0;
        boolean stopped = false;
        for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
            RowResult result;
            if (!record.isOk()) {
                result = RowResult.unreadable(record);
            } else if (record.isBlank()) {
                continue;
            } else {
                result = withExtraCellWarning(validator.validate(record.line(), header.map(record.fields())),
                        record, width);
            }
            rows++;
            if (result.isValid()) {
                valid++;
            }
            if (!sink.accept(result)) {
                stopped = true;
                break;
            }
        }
        return new ImportSummary(charset, delimiter, headerLine, header, List.of(), warnings, rows, valid,
                rows - valid, stopped);
    }

    private static RowResult withExtraCellWarning(RowResult result, CsvRecord record, int width) {
        List<String> cells = record.fields();
        boolean extra = false;
        for (int i = width; i < cells.size() && !extra; i++) {
            extra = !cells.get(i).isBlank();
        }
        if (!extra) {
            return result;
        }
        List<FieldIssue> warnings = new ArrayList<>(result.warnings());
        warnings.add(new FieldIssue(record.line(), FieldIssue.RECORD, "the record has " + cells.size()
                + " cells but the header only " + width + "; the extra cells are ignored"));
        return new RowResult(result.line(), result.row(), result.errors(), warnings);
    }

    private static char sniffDelimiter(Reader reader) throws IOException {
        reader.mark(SAMPLE_CHARS);
        CharBuffer sample = CharBuffer.allocate(SAMPLE_CHARS);
        while (sample.hasRemaining() && reader.read(sample) >= 0) {
            // fill the sample
        }
        reader.reset();
        sample.flip();
        return DelimiterSniffer.sniff(sample);
    }
}

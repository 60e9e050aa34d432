package org.rapport.records.internal.csv;

import java.nio.charset.Charset;
import java.util.Map;

/**
 * How {@link ClientCsvParser} reads a file.
 *
 * @param charset the file's charset, or null to detect it ({@link CsvCharset})
 * @param mapping header → field key, overriding the aliases ({@link HeaderMapping}); may be empty
 * @param delimiter the cell delimiter, or null to guess it ({@link DelimiterSniffer})
 * @param maxRecordChars longest record read, in characters; longer ones are reported and skipped
 * @param checkCharacterMismatchIsError whether a credit code with a wrong check character is an
 *     error (true) or a warning
 */
public record ImportOptions(
        Charset charset,
        Map<String, String> mapping,
        Character delimiter,
        int maxRecordChars,
        boolean checkCharacterMismatchIsError) {

    public ImportOptions {
        mapping = Map.copyOf(mapping);
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars must be positive");
        }
    }

    /** Detect the charset and delimiter, aliases only, 1 MiB records, strict credit codes. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, Map.of(), null, CsvReader.DEFAULT_MAX_RECORD_CHARS, true);
    }

    public ImportOptions withCharset(Charset charset) {
        return new ImportOptions(charset, mapping, delimiter, maxRecordChars, checkCharacterMismatchIsError);
    }

    public ImportOptions withMapping(Map<String, String> mapping) {
        return new ImportOptions(charset, mapping, delimiter, maxRecordChars, checkCharacterMismatchIsError);
    }

    public ImportOptions withDelimiter(char delimiter) {
        return new ImportOptions(charset, mapping, delimiter, maxRecordChars, checkCharacterMismatchIsError);
    }

    public ImportOptions withMaxRecordChars(int maxRecordChars) {
        return new ImportOptions(charset, mapping, delimiter, maxRecordChars, checkCharacterMismatchIsError);
    }

    public ImportOptions withCheckCharacterMismatchIsError(boolean error) {
        return new ImportOptions(charset, mapping, delimiter, maxRecordChars, error);
    }
}

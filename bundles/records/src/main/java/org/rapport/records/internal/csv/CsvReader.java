package org.rapport.records.internal.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 reader: quoted fields, doubled quotes, delimiters and line breaks inside
 * quotes, CRLF / LF / CR line ends, a leading BOM skipped; bounded memory per record.
 *
 * <p>It never throws on bad data, only the {@link IOException}s of the underlying reader:
 * <ul>
 * <li>a record longer than {@code maxRecordChars} characters (delimiters and quotes included)
 * is skipped to its end without being kept, and returned as {@link CsvRecord.Status#OVERSIZE};
 * <li>a quoted field still open at the end of input is returned as
 * {@link CsvRecord.Status#UNTERMINATED_QUOTE};
 * <li>stray quotes are taken literally: {@code ab"c} is {@code ab"c}, and {@code "ab"c} is
 * {@code abc} (as spreadsheets read them).
 * </ul>
 * Empty lines are skipped. Line numbers are physical (1-based), counting line breaks inside
 * quoted fields, so they match what a text editor shows.
 */
public final class CsvReader implements Closeable {

    /** Default limit on one record: 1 MiB characters. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    private static final int EOF = -1;
    private static final int BUFFER_SIZE = 8192;
    private static final int RETAINED_BUILDER_CAPACITY = 64 * 1024;

    private final Reader in;
    private final char delimiter;
    private final int maxRecordChars;
    private final char[] buffer = new char[BUFFER_SIZE];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;
    private StringBuilder cell = new StringBuilder();

    public CsvReader(Reader in) {
        this(in, ',', DEFAULT_MAX_RECORD_CHARS);
    }

    /**
     * @param in the characters to read; closed by {@link #close()}
     * @param delimiter the cell separator, usually ',' (also ';' or TAB)
     * @param maxRecordChars longest record kept, in characters; longer ones are reported
     */
    public CsvReader(Reader in, char delimiter, int maxRecordChars) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("invalid delimiter");
        }
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars must be positive");
        }
        this.in = in;
        this.delimiter = delimiter;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        skipBomOnce();
        int c;
        while ((c = read()) == '\r' || c == '\n') {
            endOfLine(c); // empty line
        }
        if (c == EOF) {
            return null;
        }
        return readRecord(c);
    }

    private CsvRecord readRecord(int first) throws IOException {
        long startLine = line;
        List<String> fields = new ArrayList<>();
        long length = 0;
        boolean oversize = false;
        boolean fieldStart = true;
        boolean quoted = false;
        long quoteLine = 0;
        dropCell();
        for (int c = first; ; c = read()) {
            if (c == EOF) {
                if (quoted) {
                    return unterminated(startLine, quoteLine, oversize);
                }
                break;
            }
            if (!quoted && (c == '\r' || c == '\n')) {
                endOfLine(c);
                break;
            }
            if (++length > maxRecordChars && !oversize) {
                oversize = true;
                fields = null;
                dropCell();
            }
            if (quoted) {
                if (c != '"') {
                    append((char) c, oversize);
                    if (c == '\r' || c == '\n') {
                        if (c == '\r' && peek() == '\n') {
                            read();
                            length++;
                            append('\n', oversize);
                        }
                        line++;
                    }
                } else if (peek() == '"') {
                    read();
                    length++;
                    append('"', oversize);
                } else {
                    quoted = false;
                }
            } else if (c == delimiter) {
                addField(fields, oversize);
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                quoted = true;
                quoteLine = line;
            } else {
                append((char) c, oversize);
            }
            fieldStart = false;
        }
        if (oversize) {
            return oversize(startLine);
        }
        addField(fields, false);
        return CsvRecord.ok(startLine, fields);
    }

    private void append(char c, boolean skipping) {
        if (!skipping) {
            cell.append(c);
        }
    }

    private void addField(List<String> fields, boolean skipping) {
        if (!skipping) {
            fields.add(cell.length() == 0 ? "" : cell.toString());
            cell.setLength(0);
        }
    }

    private void dropCell() {
        if (cell.capacity() > RETAINED_BUILDER_CAPACITY) {
            cell = new StringBuilder();
        } else {
            cell.setLength(0);
        }
    }

    private CsvRecord oversize(long startLine) {
        return CsvRecord.problem(startLine, CsvRecord.Status.OVERSIZE,
                "record longer than " + maxRecordChars + " characters; skipped");
    }

    private CsvRecord unterminated(long startLine, long quoteLine, boolean oversize) {
        dropCell();
        if (oversize) {
            return CsvRecord.problem(startLine, CsvRecord.Status.OVERSIZE,
                    "record longer than " + maxRecordChars + " characters, with a quote opened on line "
                            + quoteLine + " and never closed; skipped");
        }
        return CsvRecord.problem(startLine, CsvRecord.Status.UNTERMINATED_QUOTE,
                "quote opened on line " + quoteLine + " is never closed, so the rest of the file could not be "
                        + "read");
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private void skipBomOnce() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read();
            }
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Capacity of the cell buffer kept between records (tests check it stays bounded). */
    int retainedCapacity() {
        return cell.capacity();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package org.rapport.records.internal.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 writer: CRLF line ends, a cell quoted when it holds the delimiter, a quote, CR, LF or
 * leading / trailing white space, quotes doubled. Formula-like cells are neutralised with a
 * leading apostrophe ({@link FormulaGuard}) unless the writer is made with {@code formulaSafe}
 * false. Null cells are written empty.
 */
public final class CsvWriter implements Closeable, Flushable {

    /** GB18030, for Chinese Excel versions that do not read UTF-8. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    private final Writer out;
    private final char delimiter;
    private final boolean formulaSafe;

    /**
     * @param out where the bytes go; closed by {@link #close()}
     * @param charset the encoding; characters it cannot encode become '?'
     * @param bom write a byte order mark first (Excel needs it to recognise UTF-8)
     */
    public CsvWriter(OutputStream out, Charset charset, boolean bom) throws IOException {
        this(new BufferedWriter(new OutputStreamWriter(out, encoder(charset))), ',', true);
        if (bom) {
            this.out.write('\uFEFF');
        }
    }

    /**
     * @param out where the characters go; closed by {@link #close()}
     * @param delimiter the cell separator
     * @param formulaSafe neutralise formula-like cells
     */
    public CsvWriter(Writer out, char delimiter, boolean formulaSafe) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("invalid delimiter");
        }
        this.out = out;
        this.delimiter = delimiter;
        this.formulaSafe = formulaSafe;
    }

    /** UTF-8 with a BOM, which Excel opens correctly. */
    public static CsvWriter excelUtf8(OutputStream out) throws IOException {
        return new CsvWriter(out, StandardCharsets.UTF_8, true);
    }

    /** GB18030 without a BOM, for older Chinese Excel. */
    public static CsvWriter gb18030(OutputStream out) throws IOException {
        return new CsvWriter(out, GB18030, false);
    }

    public void writeRow(String... cells) throws IOException {
        writeRow(Arrays.asList(cells));
    }

    public void writeRow(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            writeCell(cells.get(i));
        }
        out.write("\r\n");
    }

    private void writeCell(String cell) throws IOException {
        if (cell == null || cell.isEmpty()) {
            return;
        }
        String value = formulaSafe ? FormulaGuard.neutralise(cell) : cell;
        if (!needsQuotes(value)) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    private boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static CharsetEncoder encoder(Charset charset) {
        return charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
}

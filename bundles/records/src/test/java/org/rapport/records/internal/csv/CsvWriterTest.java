package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String write(List<String>... rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = new CsvWriter(out, ',', true)) {
            for (List<String> row : rows) {
                writer.writeRow(row);
            }
        }
        return out.toString();
    }

    @Test
    void plainCellsAndCrlf() throws IOException {
        assertThat(write(List.of("a", "b"), List.of("1", "2"))).isEqualTo("a,b\r\n1,2\r\n");
    }

    @Test
    void quotesWhenNeeded() throws IOException {
        assertThat(write(List.of("Acme, Inc.", "say \"hi\"", "two\nlines", "cr\r", " padded", "plain")))
                .isEqualTo("\"Acme, Inc.\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\" padded\",plain\r\n");
    }

    @Test
    void nullAndEmptyCellsAreEmpty() throws IOException {
        assertThat(write(Arrays.asList(null, "", "x"))).isEqualTo(",,x\r\n");
    }

    @Test
    void neutralisesFormulaInjection() throws IOException {
        assertThat(write(List.of("=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tx", "-12.5", "+3", "a=b")))
                .isEqualTo("'=1+2,'+cmd,'-2+3,'@SUM(A1),'\tx,-12.5,+3,a=b\r\n");
    }

    @Test
    void neutralisedFormulaStaysQuotedWhenItHoldsDelimiters() throws IOException {
        assertThat(write(List.of("=HYPERLINK(\"http://x\",\"y\")")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
    }

    @Test
    void formulaSafetyCanBeTurnedOff() throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out, ';', false).writeRow("=1+2", "a;b");
        assertThat(out.toString()).isEqualTo("=1+2;\"a;b\"\r\n");
    }

    @Test
    void excelUtf8StartsWithBom() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.excelUtf8(bytes)) {
            writer.writeRow("公司名称", "行业");
        }
        byte[] expected = ("\uFEFF公司名称,行业\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.toByteArray()).isEqualTo(expected);
        assertThat(Arrays.copyOf(bytes.toByteArray(), 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }

    @Test
    void gb18030ForChineseExcel() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.gb18030(bytes)) {
            writer.writeRow("华为技术有限公司", "通信");
        }
        assertThat(bytes.toByteArray()).isEqualTo("华为技术有限公司,通信\r\n".getBytes(Charset.forName("GB18030")));
        assertThat(bytes.toByteArray()).isEqualTo("华为技术有限公司,通信\r\n".getBytes(Charset.forName("GBK")));
    }

    @Test
    void roundTripsThroughTheReader() throws IOException {
        List<String> cells = List.of("Acme, \"Inc.\"", "multi\r\nline", "", "华为", "trailing ");
        String text = write(cells);

        CsvRecord record = new CsvReader(new StringReader(text)).next();

        assertThat(record.fields()).isEqualTo(cells);
    }
}

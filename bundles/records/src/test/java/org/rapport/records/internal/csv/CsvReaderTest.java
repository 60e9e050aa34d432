package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvRecord> readAll(String text) throws IOException {
        return readAll(new CsvReader(new StringReader(text)));
    }

    private static List<CsvRecord> readAll(CsvReader reader) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void readsPlainRecordsWithLineNumbers() throws IOException {
        List<CsvRecord> records = readAll("a,b,c\n1,2,3\n");

        assertThat(records).extracting(CsvRecord::fields)
                .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"));
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L);
        assertThat(records).allMatch(CsvRecord::isOk);
    }

    @Test
    void keepsEmptyCells() throws IOException {
        assertThat(readAll(",a,,\n").get(0).fields()).containsExactly("", "a", "", "");
    }

    @Test
    void lastRecordWithoutLineBreak() throws IOException {
        assertThat(readAll("a\nb")).extracting(CsvRecord::fields).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void quotedCellsHoldDelimitersQuotesAndLineBreaks() throws IOException {
        List<CsvRecord> records = readAll("name,note\n\"Acme, Inc.\",\"say \"\"hi\"\"\nsecond line\"\nnext,x\n");

        assertThat(records.get(1).fields()).containsExactly("Acme, Inc.", "say \"hi\"\nsecond line");
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(2).fields()).containsExactly("next", "x");
        assertThat(records.get(2).line()).isEqualTo(4);
    }

    @Test
    void crlfInsideQuotesIsKeptAndCountsOneLine() throws IOException {
        List<CsvRecord> records = readAll("\"a\r\nb\",c\r\nd,e\r\n");

        assertThat(records.get(0).fields()).containsExactly("a\r\nb", "c");
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    @Test
    void crlfLfAndCrLineEndsMixed() throws IOException {
        List<CsvRecord> records = readAll("a\r\nb\nc\rd");

        assertThat(records).extracting(r -> r.field(0)).containsExactly("a", "b", "c", "d");
        assertThat(records).extracting(CsvRecord::line).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void skipsEmptyLinesButCountsThem() throws IOException {
        List<CsvRecord> records = readAll("a\n\n\r\n\nb\n\n");

        assertThat(records).extracting(r -> r.field(0)).containsExactly("a", "b");
        assertThat(records.get(1).line()).isEqualTo(5);
    }

    @Test
    void skipsLeadingBom() throws IOException {
        assertThat(readAll("\uFEFFname\nx").get(0).fields()).containsExactly("name");
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("\uFEFF")).isEmpty();
    }

    @Test
    void emptyQuotedCell() throws IOException {
        assertThat(readAll("\"\",x,\"\"\n").get(0).fields()).containsExactly("", "x", "");
    }

    @Test
    void strayQuotesAreTakenLiterally() throws IOException {
        List<CsvRecord> records = readAll("ab\"c,5\" screen\n\"ab\"c,d\n");

        assertThat(records.get(0).fields()).containsExactly("ab\"c", "5\" screen");
        assertThat(records.get(1).fields()).containsExactly("abc", "d");
    }

    @Test
    void unterminatedQuoteAtEndIsAnErrorRecord() throws IOException {
        List<CsvRecord> records = readAll("a,b\n1,\"open\n2,3\n");

        assertThat(records).hasSize(2);
        CsvRecord broken = records.get(1);
        assertThat(broken.status()).isEqualTo(CsvRecord.Status.UNTERMINATED_QUOTE);
        assertThat(broken.line()).isEqualTo(2);
        assertThat(broken.message()).contains("line 2");
        assertThat(broken.fields()).isEmpty();
    }

    @Test
    void otherDelimiters() throws IOException {
        CsvReader tabs = new CsvReader(new StringReader("a\tb,c\n"), '\t', 100);
        assertThat(tabs.next().fields()).containsExactly("a", "b,c");
        CsvReader semicolons = new CsvReader(new StringReader("a;\"b;c\"\n"), ';', 100);
        assertThat(semicolons.next().fields()).containsExactly("a", "b;c");
    }

    @Test
    void oversizeRecordIsReportedAndSkipped() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("ok,1\n" + "x".repeat(50) + ",y\nok,2\n"), ',', 20);

        List<CsvRecord> records = readAll(reader);

        assertThat(records).extracting(CsvRecord::status).containsExactly(
                CsvRecord.Status.OK, CsvRecord.Status.OVERSIZE, CsvRecord.Status.OK);
        assertThat(records.get(1).line()).isEqualTo(2);
        assertThat(records.get(1).message()).contains("20 characters");
        assertThat(records.get(2).fields()).containsExactly("ok", "2");
        assertThat(records.get(2).line()).isEqualTo(3);
    }

    @Test
    void recordOfExactlyTheLimitIsKept() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("abcde\r\nabcdef\n"), ',', 5);

        List<CsvRecord> records = readAll(reader);

        assertThat(records.get(0).fields()).containsExactly("abcde");
        assertThat(records.get(1).status()).isEqualTo(CsvRecord.Status.OVERSIZE);
    }

    @Test
    void oversizeRecordOfOnlyDelimitersIsCaught() throws IOException {
        CsvReader reader = new CsvReader(new StringReader(",".repeat(1000) + "\nok\n"), ',', 100);

        List<CsvRecord> records = readAll(reader);

        assertThat(records.get(0).status()).isEqualTo(CsvRecord.Status.OVERSIZE);
        assertThat(records.get(1).fields()).containsExactly("ok");
    }

    @Test
    void oversizeQuotedRecordIsSkippedToItsRealEnd() throws IOException {
        String big = "\"" + "line\n".repeat(100) + "\"";
        CsvReader reader = new CsvReader(new StringReader("a\n" + big + ",z\nb\n"), ',', 50);

        List<CsvRecord> records = readAll(reader);

        assertThat(records).extracting(CsvRecord::status).containsExactly(
                CsvRecord.Status.OK, CsvRecord.Status.OVERSIZE, CsvRecord.Status.OK);
        assertThat(records.get(2).fields()).containsExactly("b");
        assertThat(records.get(2).line()).isEqualTo(103);
    }

    @Test
    void tenMegabyteLineBetweenGoodLinesInBoundedMemory() throws IOException {
        long tenMb = 10L * 1024 * 1024;
        CsvReader reader = new CsvReader(
                GeneratedInput.chars("name,n\nfirst,1\n", 'x', tenMb, "\nlast,2\n"));

        List<CsvRecord> records = readAll(reader);

        assertThat(records).extracting(CsvRecord::status).containsExactly(CsvRecord.Status.OK,
                CsvRecord.Status.OK, CsvRecord.Status.OVERSIZE, CsvRecord.Status.OK);
        assertThat(records.get(2).line()).isEqualTo(3);
        assertThat(records.get(3).fields()).containsExactly("last", "2");
        assertThat(records.get(3).line()).isEqualTo(4);
        // the cell buffer reached at most the limit and was then released
        assertThat(reader.retainedCapacity()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void closeClosesTheSource() throws IOException {
        boolean[] closed = {false};
        CsvReader reader = new CsvReader(new StringReader("a") {
            @Override
            public void close() {
                closed[0] = true;
            }
        });
        reader.close();
        assertThat(closed[0]).isTrue();
    }
}

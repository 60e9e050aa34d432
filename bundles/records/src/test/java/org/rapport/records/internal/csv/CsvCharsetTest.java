package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvCharsetTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String CHINESE = "公司名称,行业\n华为技术有限公司,通信\n";

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[4096];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    @Test
    void utf8Bom() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CHINESE.getBytes(GBK));
        assertThat(CsvCharset.detect(bytes)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf16Boms() {
        assertThat(CsvCharset.detect(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "a".getBytes(StandardCharsets.UTF_16LE)))).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(CsvCharset.detect(concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                "a".getBytes(StandardCharsets.UTF_16BE)))).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void validUtf8WithoutBom() {
        assertThat(CsvCharset.detect(CHINESE.getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvCharset.detect("plain ascii".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvCharset.detect(new byte[0])).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gbkFallsBackToGb18030() {
        assertThat(CsvCharset.detect(CHINESE.getBytes(GBK))).isEqualTo(CsvCharset.FALLBACK);
        assertThat(CsvCharset.FALLBACK.name()).isEqualTo("GB18030");
    }

    @Test
    void utf8SequenceCutAtTheEndOfTheSniffWindowStillCountsAsUtf8() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
        byte[] head = new byte[CsvCharset.SNIFF_BYTES];
        Arrays.fill(head, (byte) 'a');
        head[head.length - 2] = euro[0];
        head[head.length - 1] = euro[1];

        assertThat(CsvCharset.detect(head)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvCharset.detect(head, head.length, true).charset()).isEqualTo(CsvCharset.FALLBACK);
    }

    @Test
    void invalidUtf8AfterTheSniffWindowIsDecodedWithReplacement() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("a".repeat(CsvCharset.SNIFF_BYTES).getBytes(StandardCharsets.US_ASCII));
        bytes.write("华为".getBytes(GBK));

        CsvCharset.DecodedInput input = CsvCharset.open(new ByteArrayInputStream(bytes.toByteArray()), null);

        assertThat(input.charset()).isEqualTo(StandardCharsets.UTF_8);
        String text = readAll(input.reader());
        assertThat(text.substring(CsvCharset.SNIFF_BYTES)).contains("\uFFFD").doesNotContain("华为");
    }

    @Test
    void openDecodesGbkAndReportsWhy() throws IOException {
        CsvCharset.DecodedInput input = CsvCharset.open(new ByteArrayInputStream(CHINESE.getBytes(GBK)), null);

        assertThat(input.detection().source()).isEqualTo(CsvCharset.Source.FALLBACK);
        assertThat(readAll(input.reader())).isEqualTo(CHINESE);
    }

    @Test
    void explicitCharsetWins() throws IOException {
        byte[] utf8 = CHINESE.getBytes(StandardCharsets.UTF_8);

        CsvCharset.DecodedInput input = CsvCharset.open(new ByteArrayInputStream(utf8), CsvCharset.forName("GBK"));

        assertThat(input.detection()).isEqualTo(new CsvCharset.Detection(GBK, CsvCharset.Source.EXPLICIT));
        assertThat(readAll(input.reader())).isNotEqualTo(CHINESE);
    }

    @Test
    void openKeepsTheBomCharacterForTheReaderToSkip() throws IOException {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "名称\tx".getBytes(StandardCharsets.UTF_16LE));

        CsvCharset.DecodedInput input = CsvCharset.open(new ByteArrayInputStream(bytes), null);

        assertThat(input.detection().source()).isEqualTo(CsvCharset.Source.BOM);
        assertThat(readAll(input.reader())).isEqualTo("\uFEFF名称\tx");
    }

    @Test
    void forNameRejectsUnknownCharsets() {
        assertThat(CsvCharset.forName(" gbk ")).isEqualTo(GBK);
        assertThatThrownBy(() -> CsvCharset.forName("no-such-charset"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-charset");
        assertThatThrownBy(() -> CsvCharset.forName("bad name!"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomBytesDecodeWithoutFailing() throws IOException {
        byte[] garbage = new byte[200_000];
        new Random(42).nextBytes(garbage);

        CsvCharset.DecodedInput input = CsvCharset.open(new ByteArrayInputStream(garbage), null);

        assertThat(input.charset()).isEqualTo(CsvCharset.FALLBACK);
        assertThat(readAll(input.reader())).contains("\uFFFD");
    }
}

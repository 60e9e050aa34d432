package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClientCsvParserTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    private static final String CHINESE_FILE = String.join("\r\n",
            "公司名称,统一社会信用代码,行业,地区,年收入（万元）,员工人数,标签,联系人,手机,邮箱,语言",
            "华为技术有限公司,914403001922038216,通信,深圳,\"7,041\",\"207,000\",重点、VIP,李伟,138 1234 5678,li@example.com,中文",
            "\"北京某某科技有限公司\",91350100M000100Y43,软件,北京,1200,85,,王芳,010-12345678,,en",
            "");

    private final List<RowResult> rows = new ArrayList<>();

    private ImportSummary parse(byte[] bytes, ImportOptions options) throws IOException {
        return parse(new ByteArrayInputStream(bytes), options);
    }

    private ImportSummary parse(InputStream in, ImportOptions options) throws IOException {
        return new ClientCsvParser(options).parse(in, rows::add);
    }

    @Test
    void gbkFileIsDetectedAndImported() throws IOException {
        ImportSummary summary = parse(CHINESE_FILE.getBytes(GBK), ImportOptions.defaults());

        assertThat(summary.charset().source()).isEqualTo(CsvCharset.Source.FALLBACK);
        assertThat(summary.headerOk()).isTrue();
        assertThat(summary.headerLine()).isEqualTo(1);
        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.validRows()).isEqualTo(2);
        assertThat(rows).allMatch(RowResult::isValid);
        ImportRow huawei = rows.get(0).row();
        assertThat(huawei.name()).isEqualTo("华为技术有限公司");
        assertThat(huawei.annualRevenue()).isEqualByComparingTo("70410000");
        assertThat(huawei.employees()).isEqualTo(207000);
        assertThat(huawei.tags()).containsExactly("重点", "VIP");
        assertThat(huawei.phones()).containsExactly("+8613812345678");
        assertThat(huawei.language()).isEqualTo("zh");
        assertThat(rows.get(1).row().name()).isEqualTo("北京某某科技有限公司");
        assertThat(rows.get(1).row().annualRevenue()).isEqualByComparingTo("12000000");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void gbkFileWithExplicitCharset() throws IOException {
        ImportSummary summary = parse(CHINESE_FILE.getBytes(GBK), ImportOptions.defaults().withCharset(GBK));

        assertThat(summary.charset().source()).isEqualTo(CsvCharset.Source.EXPLICIT);
        assertThat(summary.validRows()).isEqualTo(2);
        assertThat(rows.get(0).row().contactName()).isEqualTo("李伟");
    }

    @Test
    void utf8FileWithBomAndExcelUnicodeTextWithTabs() throws IOException {
        ImportSummary utf8 = parse(("\uFEFF" + CHINESE_FILE).getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertThat(utf8.charset().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(utf8.validRows()).isEqualTo(2);

        rows.clear();
        String tabbed = "\uFEFF公司名称\t联系人\r\n华为技术有限公司\t李伟\r\n";
        ImportSummary utf16 = parse(tabbed.getBytes(StandardCharsets.UTF_16LE), ImportOptions.defaults());
        assertThat(utf16.charset().charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(utf16.delimiter()).isEqualTo('\t');
        assertThat(rows).singleElement().extracting(r -> r.row().contactName()).isEqualTo("李伟");
    }

    @Test
    void big5RowsAreFlaggedAsUnreadable() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("company,contact\r\n".getBytes(StandardCharsets.US_ASCII));
        file.write("台灣積體電路製造股份有限公司,王小明\r\n鴻海精密工業股份有限公司,陳美玲\r\n".getBytes(BIG5));

        ImportSummary summary = parse(file.toByteArray(), ImportOptions.defaults());

        assertThat(summary.charset().charset()).isEqualTo(CsvCharset.FALLBACK);
        assertThat(summary.invalidRows()).isEqualTo(2);
        assertThat(rows).allSatisfy(row -> assertThat(row.errors())
                .anySatisfy(e -> assertThat(e.message()).contains("unreadable characters")));
    }

    @Test
    void big5HeaderGivesAnEncodingHint() throws IOException {
        byte[] file = "公司名稱,聯絡人\r\n台灣積體電路製造股份有限公司,王小明\r\n".getBytes(BIG5);

        ImportSummary summary = parse(file, ImportOptions.defaults());

        assertThat(summary.headerOk()).isFalse();
        assertThat(summary.headerErrors()).singleElement().asString().contains("check the file's encoding");
        assertThat(rows).isEmpty();
    }

    @Test
    void fileReadWithAWrongExplicitCharsetIsFlagged() throws IOException {
        byte[] file = "company\n华为技术有限公司\n".getBytes(StandardCharsets.UTF_8);

        parse(file, ImportOptions.defaults().withCharset(StandardCharsets.US_ASCII));

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.isValid()).isFalse());
    }

    @Test
    void randomBytesDoNotCrash() throws IOException {
        byte[] garbage = new byte[300_000];
        new Random(7).nextBytes(garbage);

        ImportSummary noHeader = parse(garbage, ImportOptions.defaults());
        assertThat(noHeader.headerOk()).isFalse();

        rows.clear();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("name,phone,email\n".getBytes(StandardCharsets.US_ASCII));
        file.write(garbage);
        ImportSummary withHeader = parse(file.toByteArray(), ImportOptions.defaults().withMaxRecordChars(10_000));

        assertThat(withHeader.headerOk()).isTrue();
        assertThat(withHeader.rows()).isEqualTo(rows.size()).isPositive();
        assertThat(rows).filteredOn(RowResult::isValid).allSatisfy(row -> assertThat(row.row().name()).isNotBlank());
    }

    @Test
    void tenMegabyteLineBetweenGoodLines() throws IOException {
        InputStream file = GeneratedInput.bytes("公司名称,行业\nFirst Co,banking\n", 'x', 10L * 1024 * 1024,
                ",huge\nLast Co,insurance\n");

        ImportSummary summary = parse(file, ImportOptions.defaults());

        assertThat(summary.rows()).isEqualTo(3);
        assertThat(summary.validRows()).isEqualTo(2);
        assertThat(rows).extracting(r -> r.isValid() ? r.row().name() : null)
                .containsExactly("First Co", null, "Last Co");
        RowResult big = rows.get(1);
        assertThat(big.line()).isEqualTo(3);
        assertThat(big.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(FieldIssue.RECORD);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("longer than 1048576 characters");
        });
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void unterminatedQuoteIsAnInvalidRow() throws IOException {
        parse("name,industry\nAcme,retail\n\"Broken,retail\nOther,x\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("record");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("never closed");
        });
    }

    @Test
    void missingNameColumnImportsNothing() throws IOException {
        ImportSummary summary = parse("联系人,邮箱\n李伟,li@example.com\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults());

        assertThat(summary.headerOk()).isFalse();
        assertThat(summary.headerErrors()).singleElement().asString().contains("\"name\" is missing");
        assertThat(summary.rows()).isZero();
        assertThat(rows).isEmpty();
    }

    @Test
    void explicitMappingFromTheCaller() throws IOException {
        ImportOptions options = ImportOptions.defaults().withMapping(Map.of("Kunde", "name", "Telefon", "phone"));

        ImportSummary summary = parse("Kunde,Telefon,Notiz\nACME GmbH,+49 30 1234567,x\n"
                .getBytes(StandardCharsets.UTF_8), options);

        assertThat(summary.headerWarnings()).containsExactly("column \"Notiz\" is not a known field and is ignored");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.row().name()).isEqualTo("ACME GmbH");
            assertThat(row.row().phones()).containsExactly("+49301234567");
        });
    }

    @Test
    void titleLinesBeforeTheHeaderAreSkipped() throws IOException {
        ImportSummary summary = parse("客户名单（2024）,,\n导出时间：2024-05-01,,\n\n公司名称,行业,地区\nAcme,零售,上海\n"
                .getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());

        assertThat(summary.headerLine()).isEqualTo(4);
        assertThat(summary.headerWarnings()).first().asString().contains("lines 1–3");
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.line()).isEqualTo(5));
    }

    @Test
    void blankRecordsAreSkippedAndExtraCellsWarned() throws IOException {
        ImportSummary summary = parse("name,industry\n,\n  ,  \nAcme,retail,surplus\n"
                .getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());

        assertThat(summary.rows()).isEqualTo(1);
        assertThat(rows.get(0).warnings()).singleElement().extracting(FieldIssue::message).asString()
                .contains("3 cells").contains("only 2");
    }

    @Test
    void sinkCanStopTheImport() throws IOException {
        ImportSummary summary = new ClientCsvParser(ImportOptions.defaults()).parse(
                new ByteArrayInputStream("name\na\nb\nc\n".getBytes(StandardCharsets.UTF_8)),
                row -> rows.add(row) && rows.size() < 2);

        assertThat(summary.stopped()).isTrue();
        assertThat(summary.rows()).isEqualTo(2);
    }

    @Test
    void emptyFile() throws IOException {
        ImportSummary summary = parse(new byte[0], ImportOptions.defaults());

        assertThat(summary.headerErrors()).containsExactly("the file is empty");
    }

    @Test
    void rowErrorsCarryTheirLines() throws IOException {
        parse("name,employees,email\nGood,10,a@example.com\n,many,bad\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults());

        assertThat(rows.get(1).errors()).extracting(FieldIssue::line, FieldIssue::field).containsExactly(
                tuple(3L, "name"),
                tuple(3L, "employees"),
                tuple(3L, "email"));
    }
}

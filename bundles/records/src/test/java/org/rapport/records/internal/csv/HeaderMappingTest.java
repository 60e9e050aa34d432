package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMappingTest {

    private static CsvField fieldOf(HeaderMapping mapping, int column) {
        return mapping.columns().get(column).field();
    }

    @Test
    void chineseAliases() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("公司名称", "统一社会信用代码", "行业", "省份", "年收入",
                "员工人数", "标签", "状态", "联系人", "职务", "邮箱", "手机号", "首选渠道", "语言", "时区"));

        assertThat(mapping.isUsable()).isTrue();
        assertThat(mapping.warnings()).isEmpty();
        assertThat(mapping.columns()).extracting(HeaderMapping.Column::field).containsExactly(CsvField.values());
    }

    @Test
    void englishAliasesIgnoringCaseSpacePunctuationAndWidth() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("Company Name", "REGISTRATION_NUMBER", " industry ",
                "City", "Annual-Revenue", "Headcount", "Tags", "Status", "Contact", "Title", "E-Mail", "Mobile",
                "Preferred Channel", "Language", "TimeZone"));

        assertThat(mapping.columns()).extracting(HeaderMapping.Column::field).containsExactly(CsvField.values());
        assertThat(fieldOf(HeaderMapping.resolve(List.of("ＣＯＭＰＡＮＹ")), 0)).isEqualTo(CsvField.NAME);
    }

    @Test
    void canonicalKeysAreAcceptedToo() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("name", "registrationNo", "contactName", "timeZone"));

        assertThat(mapping.columns()).extracting(HeaderMapping.Column::field).containsExactly(
                CsvField.NAME, CsvField.REGISTRATION_NO, CsvField.CONTACT_NAME, CsvField.TIME_ZONE);
    }

    @Test
    void bracketedRemarksAndRequiredMarksAreIgnored() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("*公司名称（必填）", "Email (primary)", "电话【办公】"));

        assertThat(mapping.columns()).extracting(HeaderMapping.Column::field)
                .containsExactly(CsvField.NAME, CsvField.EMAIL, CsvField.PHONE);
    }

    @Test
    void unknownColumnsAreIgnoredWithAWarning() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("公司名称", "备注", ""));

        assertThat(mapping.isUsable()).isTrue();
        assertThat(mapping.columns().get(1).mapped()).isFalse();
        assertThat(mapping.warnings()).containsExactly(
                "column \"备注\" is not a known field and is ignored", "column 3 has no header and is ignored");
        assertThat(mapping.map(List.of("Acme", "note", "x"))).containsOnlyKeys(CsvField.NAME);
    }

    @Test
    void missingNameColumnIsFatal() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("联系人", "邮箱"));

        assertThat(mapping.isUsable()).isFalse();
        assertThat(mapping.errors()).singleElement().asString()
                .contains("required column \"name\" is missing").contains("公司名称");
    }

    @Test
    void explicitMappingOverridesAliases() {
        Map<String, String> explicit = Map.of("Kunde", "name", "联系人", "ignore", "Ansprechpartner", "contactName",
                "邮箱", "phone");
        HeaderMapping mapping = HeaderMapping.resolve(List.of("Kunde", "联系人", "Ansprechpartner", "邮箱"), explicit);

        assertThat(mapping.isUsable()).isTrue();
        assertThat(mapping.columns()).extracting(HeaderMapping.Column::field)
                .containsExactly(CsvField.NAME, null, CsvField.CONTACT_NAME, CsvField.PHONE);
        assertThat(mapping.warnings()).isEmpty();
    }

    @Test
    void explicitMappingMatchesHeadersLooselyAndAcceptsAliasesAsTargets() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("Client  Name"), Map.of("client name", "公司名称"));

        assertThat(fieldOf(mapping, 0)).isEqualTo(CsvField.NAME);
    }

    @Test
    void explicitMappingToAnUnknownFieldIsFatal() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("公司名称", "Fax"), Map.of("Fax", "faxNumber"));

        assertThat(mapping.isUsable()).isFalse();
        assertThat(mapping.errors()).singleElement().asString().contains("faxNumber");
    }

    @Test
    void explicitMappingForAColumnNotInTheFileIsAWarning() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("公司名称"), Map.of("Fax", "phone"));

        assertThat(mapping.isUsable()).isTrue();
        assertThat(mapping.warnings()).containsExactly("mapping: the file has no column \"Fax\"");
    }

    @Test
    void mapsCellsAndSkipsBlankOnes() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("公司名称", "行业", "邮箱"));

        Map<CsvField, String> row = mapping.map(List.of(" Acme ", "  ", "a@example.com"));

        assertThat(row).containsExactly(Map.entry(CsvField.NAME, " Acme "), Map.entry(CsvField.EMAIL, "a@example.com"));
        assertThat(mapping.map(List.of("Short"))).containsOnlyKeys(CsvField.NAME);
    }

    @Test
    void severalColumnsOfAListFieldAreJoined() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("公司名称", "手机", "座机", "省份", "城市"));

        Map<CsvField, String> row = mapping.map(List.of("Acme", "13812345678", "010-12345678", "广东", "深圳"));

        assertThat(row.get(CsvField.PHONE)).isEqualTo("13812345678;010-12345678");
        assertThat(row.get(CsvField.REGION)).isEqualTo("广东 深圳");
        assertThat(mapping.warnings()).isEmpty();
    }

    @Test
    void aSecondColumnOfASingleFieldIsIgnoredWithAWarning() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("公司名称", "客户名称"));

        assertThat(mapping.map(List.of("First", "Second")).get(CsvField.NAME)).isEqualTo("First");
        assertThat(mapping.warnings()).singleElement().asString().contains("客户名称").contains("公司名称");
    }

    @Test
    void revenueUnitInTheHeaderScalesPlainNumbers() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("公司名称", "年收入（万元）"));

        assertThat(fieldOf(mapping, 1)).isEqualTo(CsvField.ANNUAL_REVENUE);
        assertThat(mapping.columns().get(1).unit()).isEqualTo("万");
        assertThat(mapping.map(List.of("A", "1,200")).get(CsvField.ANNUAL_REVENUE)).isEqualTo("1,200万");
        assertThat(mapping.map(List.of("A", "1.5亿")).get(CsvField.ANNUAL_REVENUE)).isEqualTo("1.5亿");
        assertThat(mapping.map(List.of("A", "800元")).get(CsvField.ANNUAL_REVENUE)).isEqualTo("800万");
    }

    @Test
    void revenueUnitsWithoutBrackets() {
        assertThat(HeaderMapping.resolve(List.of("营业收入亿元")).columns().get(0))
                .extracting(HeaderMapping.Column::field, HeaderMapping.Column::unit)
                .containsExactly(CsvField.ANNUAL_REVENUE, "亿");
        assertThat(HeaderMapping.resolve(List.of("Revenue (CNY)")).columns().get(0))
                .extracting(HeaderMapping.Column::field, HeaderMapping.Column::unit)
                .containsExactly(CsvField.ANNUAL_REVENUE, null);
        assertThat(HeaderMapping.resolve(List.of("营业收入(单位:千元)")).columns().get(0).unit()).isEqualTo("千");
    }
}

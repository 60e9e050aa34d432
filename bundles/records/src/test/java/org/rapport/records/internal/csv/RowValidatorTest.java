package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

    private final RowValidator validator = new RowValidator();

    private static Map<CsvField, String> row(Object... fieldAndValue) {
        Map<CsvField, String> row = new EnumMap<>(CsvField.class);
        row.put(CsvField.NAME, "Acme");
        for (int i = 0; i < fieldAndValue.length; i += 2) {
            row.put((CsvField) fieldAndValue[i], (String) fieldAndValue[i + 1]);
        }
        return row;
    }

    private ImportRow valid(Object... fieldAndValue) {
        RowResult result = validator.validate(7, row(fieldAndValue));
        assertThat(result.errors()).isEmpty();
        return result.row();
    }

    private RowResult invalid(Object... fieldAndValue) {
        RowResult result = validator.validate(7, row(fieldAndValue));
        assertThat(result.isValid()).isFalse();
        assertThat(result.row()).isNull();
        return result;
    }

    @Test
    void fullRow() {
        ImportRow row = valid(CsvField.NAME, " 华为技术有限公司 ", CsvField.REGISTRATION_NO, "914403001922038216",
                CsvField.INDUSTRY, "通信", CsvField.REGION, "广东 深圳", CsvField.ANNUAL_REVENUE, "7041.74亿",
                CsvField.EMPLOYEES, "207,000", CsvField.TAGS, "VIP；战略、通信|VIP", CsvField.STATUS, "active",
                CsvField.CONTACT_NAME, "李伟", CsvField.CONTACT_TITLE, "采购总监",
                CsvField.EMAIL, "li.wei@example.com; LW@Example.CN", CsvField.PHONE, "138 1234 5678 / 0755-12345678",
                CsvField.PREFERRED_CHANNEL, "邮件", CsvField.LANGUAGE, "中文", CsvField.TIME_ZONE, "北京时间");

        assertThat(row).isEqualTo(new ImportRow("华为技术有限公司", "914403001922038216", "通信", "广东 深圳",
                new BigDecimal("704174000000"), 207000, List.of("VIP", "战略", "通信"), "active", "李伟", "采购总监",
                List.of("li.wei@example.com", "LW@example.cn"),
                List.of("+8613812345678", "075512345678"), "email", "zh", "Asia/Shanghai"));
        assertThat(row.hasContact()).isTrue();
    }

    @Test
    void minimalRow() {
        ImportRow row = valid();

        assertThat(row.name()).isEqualTo("Acme");
        assertThat(row.tags()).isEmpty();
        assertThat(row.emails()).isEmpty();
        assertThat(row.annualRevenue()).isNull();
        assertThat(row.hasContact()).isFalse();
    }

    @Test
    void nameIsRequired() {
        RowResult result = invalid(CsvField.NAME, "  \t ");

        assertThat(result.errors()).containsExactly(new FieldIssue(7, "name", "name is required"));
        assertThat(validator.validate(3, Map.of()).errors()).extracting(FieldIssue::field).containsExactly("name");
    }

    @Test
    void nameAtMost200Characters() {
        valid(CsvField.NAME, "名".repeat(200));
        assertThat(invalid(CsvField.NAME, "名".repeat(201)).errors()).singleElement()
                .extracting(FieldIssue::message).asString().contains("200");
    }

    @Test
    void valuesAreTrimmedAndControlCharactersRemoved() {
        ImportRow row = valid(CsvField.NAME, "\u3000Acme\u0000 Ltd\u200B\r\n", CsvField.CONTACT_TITLE, "Head of\nSales");

        assertThat(row.name()).isEqualTo("Acme Ltd");
        assertThat(row.contactTitle()).isEqualTo("Head of Sales");
    }

    @Test
    void numbersWithSeparatorsCurrenciesAndChineseUnits() {
        assertThat(valid(CsvField.ANNUAL_REVENUE, "1,234,567.89").annualRevenue()).isEqualByComparingTo("1234567.89");
        assertThat(valid(CsvField.ANNUAL_REVENUE, "1.2万").annualRevenue()).isEqualByComparingTo("12000");
        assertThat(valid(CsvField.ANNUAL_REVENUE, "3亿").annualRevenue()).isEqualByComparingTo("300000000");
        assertThat(valid(CsvField.ANNUAL_REVENUE, "¥ 5,000").annualRevenue()).isEqualByComparingTo("5000");
        assertThat(valid(CsvField.ANNUAL_REVENUE, "$12.5").annualRevenue()).isEqualByComparingTo("12.5");
        assertThat(valid(CsvField.EMPLOYEES, "1 234").employees()).isEqualTo(1234);
        assertThat(valid(CsvField.EMPLOYEES, "1.2万").employees()).isEqualTo(12000);
        assertThat(valid(CsvField.EMPLOYEES, "350人").employees()).isEqualTo(350);
    }

    @Test
    void badNumbersAreFieldErrors() {
        RowResult result = invalid(CsvField.ANNUAL_REVENUE, "about 3M", CsvField.EMPLOYEES, "12.5");

        assertThat(result.errors()).extracting(FieldIssue::line, FieldIssue::field).containsExactly(
                tuple(7L, "annualRevenue"), tuple(7L, "employees"));
        assertThat(result.errors().get(0).message()).contains("not a number").contains("about 3M");
        assertThat(result.errors().get(1).message()).contains("whole number");
    }

    @Test
    void negativeAndTooLargeNumbers() {
        assertThat(invalid(CsvField.ANNUAL_REVENUE, "-5").errors().get(0).message()).contains("negative");
        assertThat(invalid(CsvField.EMPLOYEES, "-5").errors().get(0).message()).contains("negative");
        assertThat(invalid(CsvField.EMPLOYEES, "3亿亿").errors().get(0).message()).contains("whole number");
    }

    @Test
    void severalEmailsAndOneBadOne() {
        assertThat(valid(CsvField.EMAIL, "a@example.com, b@example.com；a@example.com").emails())
                .containsExactly("a@example.com", "b@example.com");

        RowResult result = invalid(CsvField.EMAIL, "a@example.com; not-an-email");

        assertThat(result.errors()).singleElement().extracting(FieldIssue::field).isEqualTo("email");
    }

    @Test
    void phonesAreNormalisedAndShortOnesRejected() {
        assertThat(valid(CsvField.PHONE, "+86 139-0000-1111, 8613900001111").phones()).containsExactly("+8613900001111");
        assertThat(invalid(CsvField.PHONE, "1234").errors().get(0).message()).contains("fewer than 5 digits");
    }

    @Test
    void languageAndChannel() {
        ImportRow row = valid(CsvField.LANGUAGE, "en-US", CsvField.PREFERRED_CHANNEL, "短信");
        assertThat(row.language()).isEqualTo("en");
        assertThat(row.preferredChannel()).isEqualTo("sms");

        assertThat(invalid(CsvField.LANGUAGE, "Deutsch").errors()).extracting(FieldIssue::field).containsExactly("language");
        assertThat(invalid(CsvField.PREFERRED_CHANNEL, "fax").errors()).extracting(FieldIssue::field)
                .containsExactly("preferredChannel");
    }

    @Test
    void weChatPreferenceIsLeftEmptyWithAWarning() {
        RowResult result = validator.validate(7, row(CsvField.PREFERRED_CHANNEL, "微信"));

        assertThat(result.row().preferredChannel()).isNull();
        assertThat(result.warnings()).singleElement().extracting(FieldIssue::field).isEqualTo("preferredChannel");
    }

    @Test
    void validCreditCodeIsNormalised() {
        assertThat(valid(CsvField.REGISTRATION_NO, " 9144 0300-1922 0382 16 ").registrationNo())
                .isEqualTo("914403001922038216");
        assertThat(valid(CsvField.REGISTRATION_NO, "91350100m000100y43").registrationNo())
                .isEqualTo("91350100M000100Y43");
    }

    @Test
    void creditCodeWithWrongCheckCharacterIsAnError() {
        RowResult result = invalid(CsvField.REGISTRATION_NO, "914403001922038217");

        assertThat(result.errors()).singleElement().extracting(FieldIssue::message).asString()
                .contains("check character").contains("should be 6");
    }

    @Test
    void creditCodeWithWrongCheckCharacterCanBeAWarning() {
        RowResult result = new RowValidator(false).validate(7, row(CsvField.REGISTRATION_NO, "914403001922038217"));

        assertThat(result.row().registrationNo()).isEqualTo("914403001922038217");
        assertThat(result.warnings()).singleElement().extracting(FieldIssue::field).isEqualTo("registrationNo");
    }

    @Test
    void malformedCreditCodes() {
        assertThat(invalid(CsvField.REGISTRATION_NO, "9144030019220382I6").errors().get(0).message())
                .contains("not a valid unified social credit code");
        assertThat(invalid(CsvField.REGISTRATION_NO, "91440300192203821").errors().get(0).message())
                .contains("17 characters");
    }

    @Test
    void otherRegistrationNumbersAreAccepted() {
        assertThat(valid(CsvField.REGISTRATION_NO, "110000000123456").registrationNo()).isEqualTo("110000000123456");
        assertThat(valid(CsvField.REGISTRATION_NO, "10001043-3").registrationNo()).isEqualTo("10001043-3");
        assertThat(valid(CsvField.REGISTRATION_NO, "hk 1234567").registrationNo()).isEqualTo("HK 1234567");
        assertThat(invalid(CsvField.REGISTRATION_NO, "n/a?").errors()).extracting(FieldIssue::field)
                .containsExactly("registrationNo");
    }

    @Test
    void formulaInjectionIsKeptVerbatimAndFlagged() {
        RowResult result = validator.validate(7, row(CsvField.NAME, "=HYPERLINK(\"http://evil.example\",\"Acme\")",
                CsvField.INDUSTRY, "@SUM(1+1)", CsvField.TAGS, "+vip", CsvField.CONTACT_TITLE, "\t=1+2"));

        assertThat(result.isValid()).isTrue();
        assertThat(result.row().name()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"Acme\")");
        assertThat(result.row().industry()).isEqualTo("@SUM(1+1)");
        assertThat(result.row().tags()).containsExactly("+vip");
        assertThat(result.warnings()).extracting(FieldIssue::field)
                .containsExactlyInAnyOrder("name", "industry", "tags", "contactTitle");
        assertThat(result.warnings().get(0).message()).contains("formula");
    }

    @Test
    void plainNegativeNumbersAndPhonesAreNotFlagged() {
        RowResult result = validator.validate(7, row(CsvField.STATUS, "-1", CsvField.PHONE, "+86 138 1234 5678"));

        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void unreadableCharactersInKeyFieldsAreErrors() {
        RowResult result = invalid(CsvField.NAME, "\uFFFD\uFFFD公司", CsvField.CONTACT_NAME, "\uE4C6明");

        assertThat(result.errors()).extracting(FieldIssue::field).containsExactly("name", "contactName");
        assertThat(result.errors().get(0).message()).contains("unreadable characters").contains("encoding");
    }

    @Test
    void unreadableCharactersElsewhereAreWarnings() {
        RowResult result = validator.validate(7, row(CsvField.INDUSTRY, "通\uFFFD"));

        assertThat(result.row().industry()).isEqualTo("通\uFFFD");
        assertThat(result.warnings()).extracting(FieldIssue::field).containsExactly("industry");
    }

    @Test
    void tooManyOrTooLongTags() {
        assertThat(invalid(CsvField.TAGS, "x".repeat(51)).errors()).extracting(FieldIssue::field).containsExactly("tags");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            many.append("t").append(i).append(';');
        }
        assertThat(invalid(CsvField.TAGS, many.toString()).errors().get(0).message()).contains("more than 50");
    }

    @Test
    void collectsAllErrorsOfARow() {
        RowResult result = invalid(CsvField.NAME, "", CsvField.EMPLOYEES, "many", CsvField.EMAIL, "x",
                CsvField.TIME_ZONE, "CST");

        assertThat(result.errors()).extracting(FieldIssue::field)
                .containsExactly("name", "employees", "email", "timeZone");
    }
}

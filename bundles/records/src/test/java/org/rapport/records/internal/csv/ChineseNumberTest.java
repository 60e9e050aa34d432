package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1234|1234",
        "1,234,567.89|1234567.89",
        "1 234|1234",
        "1 234 567|1234567",
        "12.50|12.50",
        ".5|0.5",
        "1.2万|12000",
        "3亿|300000000",
        "2万亿|2000000000000",
        "1.5千|1500",
        "¥1,200|1200",
        "￥3.5万|35000",
        "$ 99.95|99.95",
        "RMB 1000|1000",
        "1000元|1000",
        "1200万元|12000000",
        "120人|120",
        "１２３４|1234",
        "-12.5|-12.5",
        "-¥5|-5",
        "¥-5|-5",
        "+7|7"
    })
    void parses(String text, String expected) {
        assertThat(ChineseNumber.parse(text)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12abc", "1,23", "1,2345", "1.234,5", "1,234 567", "1e5", "万", "", "¥",
        "(1,234)", "1/2", "12..5", "1.2.3", "--5", "99999999999999999999999999999999999999999"})
    void rejects(String text) {
        assertThatThrownBy(() -> ChineseNumber.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2万", "3亿"})
    void unitsGiveWholeNumbersWithoutExponent(String text) {
        BigDecimal value = ChineseNumber.parse(text);
        assertThat(value.scale()).isZero();
        assertThat(value.toString()).doesNotContain("E");
    }
}

package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "li.wei@example.com|li.wei@example.com",
        "Li.Wei@Example.COM|Li.Wei@example.com",
        "wang+crm@mail.example.com.cn|wang+crm@mail.example.com.cn",
        "Wang Fang <wang.fang@example.cn>|wang.fang@example.cn",
        "zhang＠example．com|zhang@example.com",
        "info@华为.中国|info@华为.中国"
    })
    void accepts(String text, String expected) {
        assertThat(EmailAddress.normalise(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"li.wei", "@example.com", "li wei@example.com", "li..wei@example.com",
        ".li@example.com", "li@example", "li@-example.com", "li@example.c", "li@@example.com", "li@exa_mple.com"})
    void rejects(String text) {
        assertThatThrownBy(() -> EmailAddress.normalise(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an e-mail address");
    }
}

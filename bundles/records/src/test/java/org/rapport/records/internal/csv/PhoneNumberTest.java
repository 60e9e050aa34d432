package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "13812345678|+8613812345678",
        "138 1234 5678|+8613812345678",
        "138-1234-5678|+8613812345678",
        "8613812345678|+8613812345678",
        "+86 138 1234 5678|+8613812345678",
        "008613812345678|+8613812345678",
        "+1 (415) 555-0100|+14155550100",
        "010-12345678|01012345678",
        "(0755) 8888 9999|075588889999",
        "010-12345678转123|01012345678;ext=123",
        "010-12345678 ext. 45|01012345678;ext=45",
        "021 6666 7777 x9|02166667777;ext=9",
        "＋８６１３８１２３４５６７８|+8613812345678",
        "95588|95588"
    })
    void normalises(String text, String expected) {
        assertThat(PhoneNumber.normalise(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "12-34", "call me", "138abc45678", "=HYPERLINK(\"tel:13812345678\")",
        "1234567890123456", "+", "13812345678+1"})
    void rejects(String text) {
        assertThatThrownBy(() -> PhoneNumber.normalise(text)).isInstanceOf(IllegalArgumentException.class);
    }
}

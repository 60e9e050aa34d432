package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void trimsAllKindsOfSpace() {
        assertThat(TextCleaner.clean("\u3000 Acme\u00A0\t")).isEqualTo("Acme");
    }

    @Test
    void lineBreaksAndTabsBecomeSpaces() {
        assertThat(TextCleaner.clean("Acme\r\nBeijing\tBranch")).isEqualTo("Acme  Beijing Branch");
    }

    @Test
    void removesControlAndInvisibleFormatCharacters() {
        assertThat(TextCleaner.clean("A\u0000c\u0007m\u200Be\u202E\uFEFF")).isEqualTo("Acme");
    }

    @Test
    void keepsChineseAndFullWidthText() {
        assertThat(TextCleaner.clean("华为技术（深圳）有限公司")).isEqualTo("华为技术（深圳）有限公司");
    }

    @Test
    void spotsUnreadableCharacters() {
        assertThat(TextCleaner.hasUnreadable("ab\uFFFDc")).isTrue();
        assertThat(TextCleaner.hasUnreadable("\uE000")).isTrue();
        assertThat(TextCleaner.hasUnreadable("华为 Acme 😀")).isFalse();
    }
}

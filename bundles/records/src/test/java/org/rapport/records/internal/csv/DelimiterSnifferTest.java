package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelimiterSnifferTest {

    @Test
    void picksTheMostFrequentDelimiterOutsideQuotes() {
        assertThat(DelimiterSniffer.sniff("a,b,c\n1,2,3\n")).isEqualTo(',');
        assertThat(DelimiterSniffer.sniff("公司名称\t行业\t地区\n\"a,b,c,d,e\"\tx\ty\n")).isEqualTo('\t');
        assertThat(DelimiterSniffer.sniff("name;city\n\"A, B\";X\n")).isEqualTo(';');
    }

    @Test
    void defaultsToComma() {
        assertThat(DelimiterSniffer.sniff("")).isEqualTo(',');
        assertThat(DelimiterSniffer.sniff("name\nAcme\n")).isEqualTo(',');
        assertThat(DelimiterSniffer.sniff("a,b;c")).isEqualTo(',');
    }
}

package org.rapport.accounts.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void moneyUsesWesternUnitsInEnglishAndWanYiInChinese() {
        assertThat(Format.moneyEn(new BigDecimal("850"))).isEqualTo("CNY 850");
        assertThat(Format.moneyEn(new BigDecimal("12500"))).isEqualTo("CNY 12.5K");
        assertThat(Format.moneyEn(new BigDecimal("3200000"))).isEqualTo("CNY 3.2M");
        assertThat(Format.moneyEn(new BigDecimal("1100000000"))).isEqualTo("CNY 1.1bn");
        assertThat(Format.moneyZh(new BigDecimal("850"))).isEqualTo("850 元");
        assertThat(Format.moneyZh(new BigDecimal("125000"))).isEqualTo("12.5 万元");
        assertThat(Format.moneyZh(new BigDecimal("320000000"))).isEqualTo("3.2 亿元");
    }

    @Test
    void percentagesAndListsAreStable() {
        assertThat(Format.signedPercent(0.35)).isEqualTo("+35%");
        assertThat(Format.signedPercent(-0.75)).isEqualTo("-75%");
        assertThat(Format.signedPercent(0)).isEqualTo("0%");
        assertThat(Format.sortedList(Set.of("loans", "fx", "cash"))).isEqualTo("cash, fx, loans");
        assertThat(Format.plural(1, "complaint", "complaints")).isEqualTo("1 complaint");
    }
}

package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\rfoo",
        "=HYPERLINK(\"http://evil\",\"click\")", "-", "+86 138 0000 0000"})
    void formulaLikeCellsAreNeutralised(String cell) {
        assertThat(FormulaGuard.isFormulaLike(cell)).isTrue();
        assertThat(FormulaGuard.neutralise(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12.5", "+3", "-1,234.50", "-.5", "12", "Acme", "a=b", " =1", "华为", ""})
    void otherCellsAreLeftAlone(String cell) {
        assertThat(FormulaGuard.isFormulaLike(cell)).isFalse();
        assertThat(FormulaGuard.neutralise(cell)).isEqualTo(cell);
    }
}

package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
        // Huawei Technologies Co., Ltd., as published (e.g. on its Chinese Wikipedia page)
        "914403001922038216",
        // the worked example of the GB 32100-2015 check-character explanation, with its computed check "3"
        "91350100M000100Y43",
        // a worked example whose check character is a letter (E)
        "91512081MA62K0260E",
        // the example named in the task brief
        "91110000100010433L"
    })
    void publishedCodesAreValid(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91440300192203821")).isEqualTo('6');
        // the standard's worked example: weighted sum 1640, 1640 mod 31 = 28, 31 - 28 = 3
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void checkValueOf31IsWrittenAsZero() {
        // find a prefix whose weighted sum is a multiple of 31 by varying the 17th character
        String found = null;
        for (char c : UnifiedSocialCreditCode.CHARACTERS.toCharArray()) {
            String first17 = "9111000010001043" + c;
            if (UnifiedSocialCreditCode.checkCharacter(first17) == '0') {
                found = first17;
            }
        }
        assertThat(found).isNotNull();
        assertThat(UnifiedSocialCreditCode.isValid(found + "0")).isTrue();
    }

    @Test
    void everyTypoInOneCharacterIsCaught() {
        String valid = "914403001922038216";
        for (int i = 0; i < 18; i++) {
            for (char c : UnifiedSocialCreditCode.CHARACTERS.toCharArray()) {
                if (c == valid.charAt(i) || (i >= 2 && i < 8 && !Character.isDigit(c))) {
                    continue;
                }
                String typo = valid.substring(0, i) + c + valid.substring(i + 1);
                assertThat(UnifiedSocialCreditCode.isValid(typo)).as(typo).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "914403001922038217", // wrong check character
        "91350100M000100Y4Z", // the standard's counter-example
        "91440300192203821",  // 17 characters
        "9144030019220382160", // 19 characters
        "91440300I922038216", // I is not in the character set
        "9144O3001922038216", // letter O in the region digits
        "914403001922038s16"  // lower case
    })
    void invalidCodes(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
    }

    @Test
    void wellFormedWithoutCheckingTheCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.isWellFormed("914403001922038217")).isTrue();
        assertThat(UnifiedSocialCreditCode.isWellFormed("9144030019220382AB")).isTrue();
        assertThat(UnifiedSocialCreditCode.isWellFormed("91AB03001922038216")).isFalse();
        assertThat(UnifiedSocialCreditCode.isWellFormed(null)).isFalse();
    }

    @Test
    void checkCharacterRejectsBadInput() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("123"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("9144030019220382I"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

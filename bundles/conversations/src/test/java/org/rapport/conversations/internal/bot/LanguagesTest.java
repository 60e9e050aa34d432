package org.rapport.conversations.internal.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void tellsChineseFromEnglish() {
        assertThat(Languages.detect("如何开通企业网银？", "en")).isEqualTo("zh");
        assertThat(Languages.detect("How do I open an account?", "zh")).isEqualTo("en");
        assertThat(Languages.detect("我的U盾丢了 what should I do", "en")).isEqualTo("zh");
        assertThat(Languages.detect("Please reset the password for my online banking, 谢谢", "zh")).isEqualTo("en");
        assertThat(Languages.detect("SF1234567890 ???", "zh")).isEqualTo("en");
        assertThat(Languages.detect("12345 !!!", "zh")).isEqualTo("zh");
        assertThat(Languages.detect(null, "en")).isEqualTo("en");
        assertThat(Languages.detect("<img src=x onerror=\"document.title='pwned'\"><script>alert(1)</script> 我要转人工", "en")).isEqualTo("zh");
        assertThat(Languages.detect("see https://bank.example.com/help/statements-and-receipts 怎么下载", "en")).isEqualTo("zh");
    }
}

package org.rapport.records.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactPreferencesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zh|zh", "ZH-CN|zh", "zh_CN|zh", "zh-Hans|zh", "中文|zh", "Chinese|zh", "简体中文|zh", "汉语|zh",
        "en|en", "en-US|en", "EN_gb|en", "English|en", "英文|en", "英语|en"
    })
    void languages(String text, String expected) {
        assertThat(ContactPreferences.language(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "日本語", "zhong"})
    void unknownLanguages(String text) {
        assertThatThrownBy(() -> ContactPreferences.language(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "email|email", "E-mail|email", "邮件|email", "sms|sms", "短信|sms", "webchat|webchat", "Web Chat|webchat",
        "在线|webchat", "online|webchat", "phone|phone", "电话|phone", "Phone call|phone"
    })
    void channels(String text, String expected) {
        assertThat(ContactPreferences.channel(text)).isEqualTo(expected);
    }

    @Test
    void weChatIsAChannelRapportDoesNotServe() {
        assertThat(ContactPreferences.channel("微信")).isNull();
        assertThat(ContactPreferences.channel("WeChat")).isNull();
    }

    @Test
    void unknownChannels() {
        assertThatThrownBy(() -> ContactPreferences.channel("carrier pigeon"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Asia/Shanghai|Asia/Shanghai", "asia/shanghai|Asia/Shanghai", "北京时间|Asia/Shanghai",
        "UTC+8|UTC+08:00", "GMT+08:00|GMT+08:00", "+08:00|+08:00", "UTC|UTC", "Europe/London|Europe/London"
    })
    void timeZones(String text, String expected) {
        assertThat(ContactPreferences.timeZone(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CST", "Asia/Beijing", "UTC+25", "tomorrow"})
    void unknownTimeZones(String text) {
        assertThatThrownBy(() -> ContactPreferences.timeZone(text)).isInstanceOf(IllegalArgumentException.class);
    }
}

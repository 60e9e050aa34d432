package org.rapport.records.internal.csv;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the contact's preferences: language ("zh" / "en"), preferred channel ("email", "sms",
 * "webchat", "phone") and time zone (a zone id), accepting the English and Chinese ways of
 * writing them.
 */
final class ContactPreferences {

    /** The channels Rapport serves. */
    static final Set<String> CHANNELS = Set.of("email", "sms", "webchat", "phone");

    private static final Map<String, String> LANGUAGES = table(
            "zh", "chinese 中文 汉语 漢語 华语 简体中文 繁体中文 普通话 国语 cn",
            "en", "english 英文 英语 英語");
    private static final Map<String, String> CHANNEL_NAMES = table(
            "email", "email mail 邮件 邮箱 电子邮件 电邮",
            "sms", "sms text 短信 短消息 手机短信",
            "webchat", "webchat chat online 在线 在线聊天 在线客服 网页 网页聊天 网聊",
            "phone", "phone telephone tel call phonecall 电话 致电 打电话 手机");
    /** Channels people name that Rapport does not serve. */
    private static final Set<String> UNSERVED_CHANNELS = Set.of("wechat", "weixin", "微信", "qq", "whatsapp", "钉钉");
    private static final Map<String, String> ZONE_NAMES = table(
            "Asia/Shanghai", "北京时间 中国标准时间 中国时间 chinastandardtime beijingtime");
    private static final Map<String, String> ZONE_IDS = zoneIds();

    private ContactPreferences() {
    }

    /**
     * "zh" or "en".
     *
     * @throws IllegalArgumentException for any other language
     */
    static String language(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT)
                .replace('_', '-');
        if (s.equals("zh") || s.startsWith("zh-")) {
            return "zh";
        }
        if (s.equals("en") || s.startsWith("en-")) {
            return "en";
        }
        String language = LANGUAGES.get(CsvField.normalise(s));
        if (language == null) {
            throw new IllegalArgumentException("language must be zh (中文) or en (English), not \"" + text.strip() + "\"");
        }
        return language;
    }

    /**
     * One of {@link #CHANNELS}, or null for a channel Rapport does not serve (WeChat…), which
     * the caller reports as a warning.
     *
     * @throws IllegalArgumentException for a value that is no channel at all
     */
    static String channel(String text) {
        String key = CsvField.normalise(text);
        String channel = CHANNEL_NAMES.get(key);
        if (channel != null) {
            return channel;
        }
        if (UNSERVED_CHANNELS.contains(key)) {
            return null;
        }
        throw new IllegalArgumentException("preferred channel must be email (邮件), sms (短信), webchat (在线) "
                + "or phone (电话), not \"" + text.strip() + "\"");
    }

    /**
     * A zone id such as "Asia/Shanghai" or "UTC+08:00"; ids are matched ignoring case, and
     * "北京时间" means Asia/Shanghai. Ambiguous abbreviations such as "CST" are rejected.
     *
     * @throws IllegalArgumentException when {@code text} is no time zone
     */
    static String timeZone(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String named = ZONE_NAMES.get(CsvField.normalise(s));
        if (named != null) {
            return named;
        }
        String region = ZONE_IDS.get(s.toLowerCase(Locale.ROOT));
        if (region != null) {
            return region;
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.startsWith("UTC") || upper.startsWith("GMT") || upper.startsWith("+") || upper.startsWith("-")) {
            try {
                ZoneId zone = ZoneId.of(upper);
                return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
            } catch (DateTimeException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException("not a time zone: \"" + text.strip()
                + "\" (use an id such as Asia/Shanghai or UTC+08:00)");
    }

    private static Map<String, String> table(String... valueAndNames) {
        Map<String, String> table = new HashMap<>();
        for (int i = 0; i < valueAndNames.length; i += 2) {
            for (String name : valueAndNames[i + 1].split(" ")) {
                table.put(CsvField.normalise(name), valueAndNames[i]);
            }
        }
        return Map.copyOf(table);
    }

    private static Map<String, String> zoneIds() {
        Map<String, String> ids = new HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.contains("/") || id.equals("UTC")) {
                ids.put(id.toLowerCase(Locale.ROOT), id);
            }
        }
        return Map.copyOf(ids);
    }
}

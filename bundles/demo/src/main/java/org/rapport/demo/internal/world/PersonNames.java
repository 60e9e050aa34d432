package org.rapport.demo.internal.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/** Chinese and English personal names together with the ASCII parts used for e-mail addresses. */
final class PersonNames {

    /**
     * A person's name.
     *
     * @param displayName as written, e.g. 张晓明 or Kelvin Chan
     * @param given ASCII syllables of the given name, e.g. [xiao, ming] or [kelvin]
     * @param family ASCII family name, e.g. zhang or chan
     */
    record Person(String displayName, List<String> given, String family) {

        String givenJoined() {
            return String.join("", given);
        }

        String givenInitials() {
            StringBuilder out = new StringBuilder();
            for (String syllable : given) {
                out.append(syllable.charAt(0));
            }
            return out.toString();
        }
    }

    private static final List<String[]> SURNAMES = pairs("王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang "
            + "赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun 马:ma 朱:zhu 胡:hu 郭:guo 何:he 林:lin 高:gao 罗:luo 郑:zheng "
            + "梁:liang 谢:xie 宋:song 唐:tang 许:xu 韩:han 冯:feng 邓:deng 曹:cao 彭:peng 曾:zeng 田:tian 董:dong "
            + "潘:pan 袁:yuan 蔡:cai 蒋:jiang 余:yu 杜:du 叶:ye 程:cheng 魏:wei 苏:su 吕:lv 丁:ding 沈:shen 任:ren "
            + "姚:yao 卢:lu 钟:zhong 汪:wang 方:fang 石:shi");

    private static final List<String[]> GIVEN = pairs("伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei "
            + "军:jun 洋:yang 勇:yong 艳:yan 杰:jie 娟:juan 涛:tao 明:ming 超:chao 秀:xiu 霞:xia 平:ping 刚:gang "
            + "英:ying 华:hua 建:jian 文:wen 辉:hui 鹏:peng 宇:yu 浩:hao 晨:chen 欣:xin 悦:yue 婷:ting 雪:xue "
            + "琳:lin 博:bo 思:si 佳:jia 嘉:jia 怡:yi 子:zi 睿:rui 凯:kai 晓:xiao 志:zhi 海:hai 峰:feng 斌:bin "
            + "慧:hui 颖:ying 倩:qian 璐:lu 琦:qi 国:guo 春:chun 玉:yu 红:hong 立:li 新:xin 永:yong 东:dong");

    private static final List<String> ASIA_FIRST = List.of("Kelvin", "Michelle", "Jason", "Vivian", "Eric", "Karen",
            "Alan", "Winnie", "Kenneth", "Grace", "Raymond", "Ivy", "Derek", "Joanne", "Marcus", "Rachel", "Daniel",
            "Cheryl", "Benjamin", "Priya", "Arjun", "Aisyah", "Hafiz", "Wendy", "Terence", "Samantha", "Edmund",
            "Fiona", "Calvin", "Sharon");

    private static final List<String> HK_FAMILY = List.of("Chan", "Wong", "Leung", "Lau", "Cheung", "Ho", "Ng", "Lee",
            "Tsang", "Yip", "Kwok", "Lam", "Tang", "Fung", "Chow", "Mak");

    private static final List<String> SG_FAMILY = List.of("Tan", "Lim", "Lee", "Ng", "Ong", "Goh", "Teo", "Koh",
            "Chua", "Low", "Yeo", "Sim", "Kumar", "Rahman", "Nair", "Pillai");

    private static final List<String> UK_FIRST = List.of("Oliver", "Amelia", "Harry", "Sophie", "George", "Emily",
            "Jack", "Charlotte", "William", "Olivia", "Thomas", "Hannah", "Edward", "Lucy", "Samuel", "Chloe",
            "Daniel", "Isabel", "Matthew", "Rebecca");

    private static final List<String> UK_FAMILY = List.of("Smith", "Taylor", "Brown", "Wilson", "Evans", "Walker",
            "Wright", "Hughes", "Edwards", "Clarke", "Turner", "Hall", "Green", "Baker", "Cooper", "Morgan", "Reed",
            "Palmer");

    private static final List<String> DE_FIRST = List.of("Lukas", "Anna", "Felix", "Lena", "Jonas", "Marie",
            "Maximilian", "Laura", "Tobias", "Julia", "Stefan", "Katrin", "Florian", "Sabine", "Matthias", "Nina");

    private static final List<String> DE_FAMILY = List.of("Schmidt", "Fischer", "Weber", "Wagner", "Becker",
            "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Zimmermann", "Hartmann",
            "Lange");

    private PersonNames() {
    }

    /** A Chinese name of a surname and one or two given characters. */
    static Person chinese(RandomGenerator rng) {
        String[] surname = Draws.pick(rng, SURNAMES);
        int length = Draws.chance(rng, 0.25) ? 1 : 2;
        StringBuilder display = new StringBuilder(surname[0]);
        List<String> given = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            String[] part = Draws.pick(rng, GIVEN);
            display.append(part[0]);
            given.add(part[1]);
        }
        return new Person(display.toString(), given, surname[1]);
    }

    /** An English name fitting a company in {@code country} (CN, HK, SG, GB or DE). */
    static Person english(RandomGenerator rng, String country) {
        String first;
        String family;
        switch (country) {
            case "GB" -> {
                first = Draws.pick(rng, UK_FIRST);
                family = Draws.pick(rng, UK_FAMILY);
            }
            case "DE" -> {
                first = Draws.pick(rng, DE_FIRST);
                family = Draws.pick(rng, DE_FAMILY);
            }
            case "SG" -> {
                first = Draws.pick(rng, ASIA_FIRST);
                family = Draws.pick(rng, SG_FAMILY);
            }
            case "HK" -> {
                first = Draws.pick(rng, ASIA_FIRST);
                family = Draws.pick(rng, HK_FAMILY);
            }
            default -> {
                boolean expat = Draws.chance(rng, 0.5);
                first = Draws.pick(rng, expat ? UK_FIRST : ASIA_FIRST);
                family = Draws.pick(rng, expat ? UK_FAMILY : HK_FAMILY);
            }
        }
        return new Person(first + " " + family, List.of(ascii(first)), ascii(family));
    }

    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static List<String[]> pairs(String spec) {
        return Arrays.stream(spec.trim().split("\\s+")).map(p -> p.split(":")).toList();
    }
}

package org.rapport.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rows of the {@code import} scenario: N companies with one contact each, half Chinese, half
 * English, generated from the row index alone (so the CSV writer, the raw JDBC baseline and the
 * spot checks all see the same rows without holding them in memory).
 *
 * <p>Every row is unique in every key the product's duplicate detection uses: the company name's
 * comparison key embeds the row index (a fixed-length "word" of four Han characters, or a
 * fixed-length syllable word in English), and so do the e-mail address and the phone number. No
 * registration numbers are generated.
 */
public final class ImportData {

    /** The CSV header: English aliases the product maps to its fields. */
    static final String HEADER = "company name,industry,region,annual revenue,employees,contact name,title,email,phone,language,time zone";

    private static final String[] HAN = ("华盛恒瑞鑫达通汇泰丰源宏兴隆鼎博创新科正嘉信德安康美佳和润远越金"
            + "银宝天地中东西南北星月辉光明海山川云飞龙凤祥福永昌旭升利万豪腾骏卓凯立").split("");
    private static final String[] CITIES_ZH = {"上海", "北京", "深圳", "广州", "杭州", "南京", "成都", "武汉", "苏州", "天津",
        "重庆", "西安", "长沙", "青岛", "厦门", "宁波"};
    private static final String[] REGIONS_ZH = {"上海", "北京", "广东 深圳", "广东 广州", "浙江 杭州", "江苏 南京", "四川 成都",
        "湖北 武汉", "江苏 苏州", "天津", "重庆", "陕西 西安", "湖南 长沙", "山东 青岛", "福建 厦门", "浙江 宁波"};
    private static final String[] INDUSTRIES_ZH = {"机械", "科技", "贸易", "物流", "医药", "电子", "食品", "化工"};
    private static final String[] INDUSTRY_IDS_ZH = {"制造业", "信息技术", "批发零售", "交通运输", "医药", "电子", "食品", "化工"};
    private static final String[] FORMS_ZH = {"有限公司", "股份有限公司", "有限责任公司"};
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛",
        "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "晓东"};
    private static final String[] TITLES_ZH = {"采购经理", "总经理", "财务总监", "销售主管", "行政专员", "技术负责人"};

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ru", "te", "na", "vo", "si", "be", "da", "fe", "go", "hi", "ju",
        "ke", "la", "ma", "ne", "po", "qu", "ra", "sa", "to", "ul", "ve", "wi", "xa", "yo", "ze", "bo", "ci", "du"};
    private static final String[] SECTORS = {"Logistics", "Robotics", "Foods", "Pharma", "Textiles", "Analytics", "Energy", "Marine"};
    private static final String[] FORMS_EN = {"Ltd", "Inc", "\"Co., Ltd.\"", "GmbH", "LLC", "PLC"};
    private static final String[] CITIES_EN = {"London", "Manchester", "California", "New York", "Singapore", "Sydney", "Toronto",
        "Berlin"};
    private static final String[] ZONES_EN = {"Europe/London", "Europe/London", "America/Los_Angeles", "America/New_York",
        "Asia/Singapore", "Australia/Sydney", "America/Toronto", "Europe/Berlin"};
    private static final String[] FIRST = {"James", "Olivia", "Noah", "Emma", "Liam", "Ava", "Lucas", "Mia", "Ethan", "Chloe",
        "Henry", "Grace"};
    private static final String[] LAST = {"Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Green",
        "Hall", "Wood", "Clarke"};
    private static final String[] TITLES_EN = {"Purchasing Manager", "CEO", "Finance Director", "Sales Lead", "Office Manager",
        "CTO"};

    /**
     * One row as the product stores it after parsing and validation.
     *
     * @param csvName the company name cell as written in the CSV (quoted when it has a comma)
     * @param name the stored company name
     * @param nameKey a comparison key (for the baseline's {@code name_key}; unique per row)
     * @param industry stored industry (lower case)
     * @param region stored region (lower case)
     * @param revenue stored revenue in yuan (scale 2)
     * @param revenueCell the revenue cell as written
     * @param phoneCell the phone cell as written
     * @param phone the stored (normalised) phone
     * @param email the stored e-mail (already lower case, so it is its own key too)
     */
    public record Row(String csvName, String name, String nameKey, String industry, String region, BigDecimal revenue,
            String revenueCell, int employees, String contactName, String title, String email, String phoneCell, String phone,
            String language, String timeZone) {

        String csvLine() {
            return csvName + "," + industry + "," + region + "," + revenueCell + "," + employees + "," + contactName + ","
                    + title + "," + email + "," + phoneCell + "," + language + "," + timeZone;
        }
    }

    private ImportData() {
    }

    /** Row {@code i} (0-based): even rows Chinese, odd rows English. */
    public static Row row(long i) {
        return i % 2 == 0 ? chinese(i) : english(i);
    }

    private static Row chinese(long i) {
        long k = i / 2;
        int city = (int) (k % CITIES_ZH.length);
        int industry = (int) ((k / 7) % INDUSTRIES_ZH.length);
        String word = han(k);
        String name = CITIES_ZH[city] + word + INDUSTRIES_ZH[industry] + FORMS_ZH[(int) (k % FORMS_ZH.length)];
        String key = CITIES_ZH[city] + word + INDUSTRIES_ZH[industry];
        long wan = 50 + (k * 37) % 50_000;
        String contact = SURNAMES[(int) (k % SURNAMES.length)] + GIVEN[(int) ((k / 3) % GIVEN.length)];
        String digits = String.format("%08d", k);
        String phoneCell = "138-" + digits.substring(0, 4) + "-" + digits.substring(4);
        return new Row(name, name, key, INDUSTRY_IDS_ZH[industry], REGIONS_ZH[city], BigDecimal.valueOf(wan * 10_000).setScale(2),
                wan + "万", 5 + (int) (k % 5000), contact, TITLES_ZH[(int) (k % TITLES_ZH.length)],
                "zh" + k + "@" + "corp" + (k % 97) + ".example.cn", phoneCell, "+86138" + digits, "zh", "Asia/Shanghai");
    }

    private static Row english(long i) {
        long k = i / 2;
        int sector = (int) ((k / 5) % SECTORS.length);
        int city = (int) (k % CITIES_EN.length);
        String word = syllables(k);
        String form = FORMS_EN[(int) (k % FORMS_EN.length)];
        String name = word + " " + SECTORS[sector] + " " + form.replace("\"", "");
        String key = (word + SECTORS[sector]).toLowerCase(java.util.Locale.ROOT);
        String csvName = form.startsWith("\"") ? "\"" + word + " " + SECTORS[sector] + " " + form.substring(1) : name;
        long revenue = 100_000 + (k * 7919) % 90_000_000;
        String first = FIRST[(int) (k % FIRST.length)];
        String last = LAST[(int) ((k / 11) % LAST.length)];
        String digits = String.format("%08d", k);
        return new Row(csvName, name, key, SECTORS[sector].toLowerCase(java.util.Locale.ROOT),
                CITIES_EN[city].toLowerCase(java.util.Locale.ROOT), BigDecimal.valueOf(revenue).setScale(2), Long.toString(revenue),
                3 + (int) (k % 20_000), first + " " + last, TITLES_EN[(int) (k % TITLES_EN.length)],
                first.toLowerCase(java.util.Locale.ROOT) + "." + last.toLowerCase(java.util.Locale.ROOT) + "." + k + "@"
                        + word.toLowerCase(java.util.Locale.ROOT) + ".example.com",
                "+44 20 " + digits.substring(0, 4) + " " + digits.substring(4), "+4420" + digits, "en", ZONES_EN[city]);
    }

    /** {@code k} as four Han characters (base 67, most significant first; unique below 67^4). */
    static String han(long k) {
        StringBuilder sb = new StringBuilder(4);
        long v = k;
        for (int d = 0; d < 4; d++) {
            sb.insert(0, HAN[(int) (v % HAN.length)]);
            v /= HAN.length;
        }
        if (v != 0) {
            throw new IllegalArgumentException("row index too large: " + k);
        }
        return sb.toString();
    }

    /** {@code k} as five two-letter syllables, capitalised (base 32; unique below 32^5). */
    static String syllables(long k) {
        StringBuilder sb = new StringBuilder(10);
        long v = k;
        for (int d = 0; d < 5; d++) {
            sb.insert(0, SYLLABLES[(int) (v % SYLLABLES.length)]);
            v /= SYLLABLES.length;
        }
        if (v != 0) {
            throw new IllegalArgumentException("row index too large: " + k);
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }

    /** Writes rows 0..n-1 as UTF-8 CSV (with a header) to {@code file}; returns its size in bytes. */
    public static long writeCsv(Path file, long n) throws IOException {
        return writeCsv(file, 0, n);
    }

    /** Writes rows {@code from} (inclusive) to {@code to} (exclusive) as a CSV file with the header; returns its size in bytes. */
    public static long writeCsv(Path file, long from, long to) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("\r\n");
            for (long i = from; i < to; i++) {
                out.write(row(i).csvLine());
                out.write("\r\n");
            }
        }
        return Files.size(file);
    }
}

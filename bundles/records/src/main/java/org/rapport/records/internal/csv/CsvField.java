package org.rapport.records.internal.csv;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The canonical client and contact fields of a CSV import, with their English and Chinese header aliases. */
public enum CsvField {

    NAME("name", Join.NONE, "公司名称", "company name",
            "企业名称", "客户名称", "单位名称", "公司", "名称", "company", "client name", "customer name",
            "organization", "organisation"),
    REGISTRATION_NO("registrationNo", Join.NONE, "统一社会信用代码", "registration number",
            "社会信用代码", "信用代码", "注册号", "工商注册号", "营业执照号", "纳税人识别号", "uscc",
            "registration no", "reg no", "credit code", "business registration number"),
    INDUSTRY("industry", Join.NONE, "行业", "industry",
            "所属行业", "行业类别", "sector"),
    REGION("region", Join.SPACE, "地区", "region",
            "区域", "省份", "省", "城市", "市", "所在地", "所在地区", "省市", "city", "province", "area", "location"),
    ANNUAL_REVENUE("annualRevenue", Join.NONE, "年收入", "annual revenue",
            "营业收入", "年营业收入", "营业额", "年营业额", "年营收", "营收", "revenue", "turnover"),
    EMPLOYEES("employees", Join.NONE, "员工人数", "employees",
            "员工数", "人数", "职工人数", "员工", "headcount", "staff", "number of employees"),
    TAGS("tags", Join.LIST, "标签", "tags",
            "tag", "labels"),
    STATUS("status", Join.NONE, "状态", "status",
            "客户状态"),
    CONTACT_NAME("contactName", Join.NONE, "联系人", "contact name",
            "联系人姓名", "姓名", "contact", "contact person"),
    CONTACT_TITLE("contactTitle", Join.NONE, "职务", "title",
            "职位", "联系人职务", "联系人职位", "job title", "position"),
    EMAIL("email", Join.LIST, "邮箱", "email",
            "电子邮件", "电子邮箱", "邮件", "邮箱地址", "联系人邮箱", "e-mail", "mail", "email address"),
    PHONE("phone", Join.LIST, "电话", "phone",
            "手机", "手机号", "手机号码", "电话号码", "联系电话", "联系人电话", "座机", "mobile", "tel",
            "telephone", "phone number", "mobile phone"),
    PREFERRED_CHANNEL("preferredChannel", Join.NONE, "首选渠道", "preferred channel",
            "偏好渠道", "联系渠道", "channel"),
    LANGUAGE("language", Join.NONE, "语言", "language",
            "首选语言", "lang", "preferred language"),
    TIME_ZONE("timeZone", Join.NONE, "时区", "time zone",
            "timezone", "tz");

    /** How cells of several columns mapped to the same field are combined. */
    enum Join {
        /** The field takes one column; further columns are ignored with a warning. */
        NONE(null),
        /** The cells are joined with ";" (lists: tags, emails, phones). */
        LIST(";"),
        /** The cells are joined with a space (e.g. 省份 + 城市 → region). */
        SPACE(" ");

        final String separator;

        Join(String separator) {
            this.separator = separator;
        }
    }

    private static final Map<String, CsvField> BY_NAME = new HashMap<>();

    static {
        for (CsvField field : values()) {
            BY_NAME.put(normalise(field.key), field);
            for (String alias : field.aliases) {
                CsvField previous = BY_NAME.put(normalise(alias), field);
                if (previous != null && previous != field) {
                    throw new IllegalStateException("alias " + alias + " used twice");
                }
            }
        }
    }

    private final String key;
    private final Join join;
    private final String chineseLabel;
    private final String englishLabel;
    private final List<String> aliases;

    CsvField(String key, Join join, String chineseLabel, String englishLabel, String... moreAliases) {
        this.key = key;
        this.join = join;
        this.chineseLabel = chineseLabel;
        this.englishLabel = englishLabel;
        this.aliases = concat(chineseLabel, englishLabel, moreAliases);
    }

    /** The canonical name, as used in an explicit mapping and in error reports ("registrationNo"). */
    public String key() {
        return key;
    }

    /** The header to write in a Chinese export ("公司名称"). */
    public String chineseLabel() {
        return chineseLabel;
    }

    /** The header to write in an English export ("company name"). */
    public String englishLabel() {
        return englishLabel;
    }

    Join join() {
        return join;
    }

    /**
     * The field that a header or a field name denotes: the canonical key or any alias, compared
     * with {@link #normalise(String)}.
     */
    public static Optional<CsvField> lookup(String text) {
        return Optional.ofNullable(BY_NAME.get(normalise(text)));
    }

    /**
     * The comparable form of a header: NFKC (full-width letters become ASCII), lower case, and
     * without white space, punctuation, symbols or control characters.
     * "Company_Name", "company name" and "ＣＯＭＰＡＮＹ－ＮＡＭＥ" all become "companyname".
     */
    public static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(cp -> Character.isLetterOrDigit(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static List<String> concat(String first, String second, String[] more) {
        String[] all = new String[more.length + 2];
        all[0] = first;
        all[1] = second;
        System.arraycopy(more, 0, all, 2, more.length);
        return List.of(all);
    }
}

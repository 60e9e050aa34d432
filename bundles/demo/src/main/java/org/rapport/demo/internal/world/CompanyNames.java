package org.rapport.demo.internal.world;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Believable, world-unique Chinese and English company names and the e-mail domains derived from them. */
final class CompanyNames {

    /** A company name and its contacts' e-mail domain. */
    record Named(String name, String domain) {
    }

    /** Chinese trade names (字号) with their pinyin. */
    private static final List<String[]> ZH_CORES = pairs("恒瑞:hengrui 华信:huaxin 鼎盛:dingsheng 远航:yuanhang "
            + "金桥:jinqiao 瑞丰:ruifeng 宏达:hongda 天成:tiancheng 明德:mingde 永信:yongxin 嘉禾:jiahe 博远:boyuan "
            + "汇通:huitong 新锐:xinrui 信达:xinda 众诚:zhongcheng 鑫源:xinyuan 卓越:zhuoyue 海纳:haina 万通:wantong "
            + "聚力:juli 同创:tongchuang 锦程:jincheng 润和:runhe 盛世:shengshi 德润:derun 凯旋:kaixuan 安泰:antai "
            + "启明:qiming 晨曦:chenxi 蓝海:lanhai 青松:qingsong 合众:hezhong 久远:jiuyuan 弘毅:hongyi 云帆:yunfan "
            + "瀚海:hanhai 星辰:xingchen 长风:changfeng 金石:jinshi 华茂:huamao 鸿运:hongyun 泰和:taihe 安达:anda "
            + "铭泰:mingtai 景川:jingchuan 致远:zhiyuan 恒通:hengtong 永嘉:yongjia 天瑞:tianrui 中瑞:zhongrui "
            + "德信:dexin 华盛:huasheng 海川:haichuan 东润:dongrun 宝丰:baofeng 丰和:fenghe 广源:guangyuan "
            + "新扬:xinyang 佳宁:jianing 睿智:ruizhi 恒昌:hengchang 君诚:juncheng 浩宇:haoyu 诚泰:chengtai "
            + "立达:lida 益康:yikang 正元:zhengyuan 拓新:tuoxin 昌盛:changsheng 旭日:xuri 嘉诚:jiacheng "
            + "金帆:jinfan 宏图:hongtu 百川:baichuan 同舟:tongzhou 万象:wanxiang 翔宇:xiangyu 瑞祥:ruixiang");

    /** Chinese business-line words per industry with a short ASCII abbreviation for domains. */
    private static final Map<String, List<String[]>> ZH_LINES = Map.of(
            "manufacturing", pairs("精密机械:jx 机电设备:jd 汽车零部件:qp 电子科技:dz 新材料:xcl 模具制造:mj"),
            "logistics", pairs("物流:wl 供应链管理:gyl 国际货运代理:hy 仓储服务:cc 冷链物流:ll"),
            "retail", pairs("商贸:sm 百货:bh 连锁超市:cs 电子商务:ds 服饰:fs"),
            "technology", pairs("信息技术:it 软件:rj 网络科技:wk 数据科技:sj 智能科技:zn"),
            "healthcare", pairs("医疗器械:yl 生物医药:sw 医药:yy 健康科技:jk 诊断技术:zd"),
            "energy", pairs("新能源:xny 能源科技:ny 光伏科技:gf 电力工程:dl 储能技术:cn"),
            "construction", pairs("建设工程:js 建筑工程:jz 建材:jc 装饰工程:zs 市政工程:sz"),
            "agriculture", pairs("农业科技:nk 生态农业:st 食品:sp 农产品:ncp 种业:zy"),
            "trading", pairs("进出口贸易:jck 国际贸易:gm 贸易:my 实业:sy 商务:sw"),
            "education", pairs("教育科技:jy 文化传播:wh 培训服务:px 教育咨询:zx"));

    private static final List<String> EN_CORES = List.of("Northwind", "Helix", "Bluestone", "Silverline", "Orchid",
            "Harbour", "Meridian", "Evergreen", "Summit", "Redwood", "Crescent", "Atlas", "Pinnacle", "Lumen",
            "Vantage", "Kestrel", "Granite", "Copperleaf", "Brightwater", "Ironbridge", "Oakridge", "Seabright",
            "Starling", "Tidewater", "Westgate", "Falcon", "Aurora", "Beacon", "Cobalt", "Driftwood", "Fairhaven",
            "Greenfield", "Halcyon", "Juniper", "Keystone", "Lighthouse", "Maplewood", "Nimbus", "Orion", "Quartz",
            "Riverton", "Sterling", "Thistle", "Upland", "Verdant", "Willow", "Zephyr", "Blackthorn", "Clearwater",
            "Dovetail", "Eastwind", "Foxglove", "Goldcrest", "Highgate", "Ivorybay", "Jadeport", "Kingfisher",
            "Lotus", "Marigold", "Northstar", "Oceanic", "Peregrine", "Quayside", "Rosewood", "Sandpiper",
            "Tanglewood", "Unity", "Vireo", "Wavecrest", "Ashford", "Bramble", "Cedarline", "Dunmore", "Everly",
            "Fernhill", "Glenmore", "Hawthorn", "Larkspur");

    private static final Map<String, List<String>> EN_LINES = Map.of(
            "manufacturing", List.of("Precision", "Engineering", "Components", "Industries", "Machinery"),
            "logistics", List.of("Logistics", "Freight", "Shipping", "Supply Chain"),
            "retail", List.of("Retail", "Stores", "Consumer Brands", "Home Goods"),
            "technology", List.of("Technologies", "Software", "Systems", "Digital", "Data"),
            "healthcare", List.of("Biotech", "Medical", "Health", "Pharma", "Life Sciences"),
            "energy", List.of("Energy", "Power", "Solar", "Renewables"),
            "construction", List.of("Construction", "Builders", "Infrastructure", "Building Materials"),
            "agriculture", List.of("Agritech", "Farms", "Foods", "Produce"),
            "trading", List.of("Trading", "Commodities", "Imports", "Global Trade"),
            "education", List.of("Learning", "Education", "Academy", "Training"));

    private static final BigDecimal BILLION = new BigDecimal("1000000000");
    private static final BigDecimal LARGE = new BigDecimal("200000000");

    private final Set<String> names = new HashSet<>();
    private final Set<String> domains = new HashSet<>();

    /** A name like 苏州恒瑞精密机械有限公司 with a domain like hengrui-jx.example.cn. */
    Named chinese(RandomGenerator rng, Regions.Region region, Regions.City city, String industry,
            BigDecimal revenue) {
        String suffix = chineseSuffix(rng, revenue);
        for (int attempt = 0; ; attempt++) {
            String[] core = Draws.pick(rng, ZH_CORES);
            if (attempt > 50) {
                String[] second = Draws.pick(rng, ZH_CORES);
                core = new String[] {core[0] + second[0].charAt(0), core[1] + initial(second[1])};
            }
            String[] line = Draws.pick(rng, ZH_LINES.get(industry));
            String name = city.zh() + core[0] + line[0] + suffix;
            if (names.add(name)) {
                String base = core[1] + "-" + line[1];
                return new Named(name, domain(region, base, base + "-" + city.abbr()));
            }
        }
    }

    /** A name like "Helix Biotech Pte. Ltd." with a domain like helix.example.sg. */
    Named english(RandomGenerator rng, Regions.Region region, String industry, BigDecimal revenue) {
        boolean large = revenue.compareTo(BILLION) >= 0;
        for (int attempt = 0; ; attempt++) {
            String core = Draws.pick(rng, EN_CORES);
            if (attempt > 50) {
                core = core + " " + Draws.pick(rng, EN_CORES);
            }
            String line = Draws.pick(rng, EN_LINES.get(industry));
            String name = core + " " + line + " " + englishSuffix(rng, region, large);
            if (names.add(name)) {
                String slug = slug(core);
                return new Named(name, domain(region, slug, slug + "-" + slug(line)));
            }
        }
    }

    private static String chineseSuffix(RandomGenerator rng, BigDecimal revenue) {
        if (revenue.compareTo(BILLION) >= 0) {
            return Draws.pick(rng, List.of("集团有限公司", "股份有限公司", "股份有限公司", "有限公司"));
        }
        if (revenue.compareTo(LARGE) >= 0) {
            return Draws.chance(rng, 0.35) ? "股份有限公司" : "有限公司";
        }
        return "有限公司";
    }

    private static String englishSuffix(RandomGenerator rng, Regions.Region region, boolean large) {
        return switch (region.id()) {
            case "hong-kong" -> large ? "(Holdings) Limited" : Draws.chance(rng, 0.3) ? "Company Limited" : "Limited";
            case "singapore" -> large && Draws.chance(rng, 0.5) ? "Ltd." : "Pte. Ltd.";
            case "london" -> large ? "plc" : "Ltd";
            case "frankfurt" -> large ? "AG" : "GmbH";
            default -> "(" + region.enLocation() + ") Co., Ltd.";
        };
    }

    /** The first free candidate under the region's domain, else the last one numbered. */
    private String domain(Regions.Region region, String... candidates) {
        String suffix = "." + region.domainSuffix();
        for (String candidate : candidates) {
            if (domains.add(candidate + suffix)) {
                return candidate + suffix;
            }
        }
        String last = candidates[candidates.length - 1];
        for (int n = 2; ; n++) {
            if (domains.add(last + n + suffix)) {
                return last + n + suffix;
            }
        }
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String initial(String pinyin) {
        return pinyin.substring(0, 1);
    }

    private static List<String[]> pairs(String spec) {
        return Arrays.stream(spec.trim().split("\\s+")).map(p -> p.split(":")).toList();
    }
}

package org.rapport.demo.internal.world;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

/** The regions client companies are based in, with their cities, time zones, e-mail domains and language mix. */
final class Regions {

    /**
     * A city used as a Chinese company-name prefix.
     *
     * @param zh the Chinese name, e.g. 苏州
     * @param abbr a short ASCII abbreviation used in e-mail domains
     * @param districtCodes six-digit administrative division codes (mainland only) for credit codes
     */
    record City(String zh, String abbr, List<String> districtCodes) {
    }

    /**
     * A region.
     *
     * @param id region id, e.g. {@code zhejiang}
     * @param country ISO country code
     * @param zoneId IANA time zone of its contacts
     * @param domainSuffix the example domain its companies' addresses live under
     * @param enLocation the place named in an English company name, e.g. {@code Shanghai}
     * @param cities its cities
     * @param zhWeight relative weight among Chinese-named companies
     * @param enWeight relative weight among English-named companies
     */
    record Region(String id, String country, String zoneId, String domainSuffix, String enLocation,
            List<City> cities, double zhWeight, double enWeight) {

        boolean mainland() {
            return "CN".equals(country);
        }
    }

    static final List<Region> ALL = List.of(
            new Region("shanghai", "CN", "Asia/Shanghai", "example.cn", "Shanghai",
                    List.of(new City("上海", "sh", List.of("310115", "310104", "310112", "310105"))), 18, 8),
            new Region("beijing", "CN", "Asia/Shanghai", "example.cn", "Beijing",
                    List.of(new City("北京", "bj", List.of("110105", "110108", "110101", "110106"))), 12, 4),
            new Region("guangdong", "CN", "Asia/Shanghai", "example.cn", "Guangzhou",
                    List.of(new City("广州", "gz", List.of("440106", "440104", "440111")),
                            new City("深圳", "sz", List.of("440305", "440304", "440306")),
                            new City("东莞", "dg", List.of("441900")),
                            new City("佛山", "fs", List.of("440604", "440606"))), 18, 0),
            new Region("zhejiang", "CN", "Asia/Shanghai", "example.cn", "Hangzhou",
                    List.of(new City("杭州", "hz", List.of("330106", "330108", "330110")),
                            new City("宁波", "nb", List.of("330212", "330203")),
                            new City("温州", "wz", List.of("330302", "330304")),
                            new City("义乌", "yw", List.of("330782"))), 14, 0),
            new Region("jiangsu", "CN", "Asia/Shanghai", "example.cn", "Suzhou",
                    List.of(new City("苏州", "su", List.of("320505", "320506", "320508")),
                            new City("南京", "nj", List.of("320106", "320102", "320115")),
                            new City("无锡", "wx", List.of("320214", "320213")),
                            new City("常州", "cz", List.of("320411", "320412"))), 14, 0),
            new Region("sichuan", "CN", "Asia/Shanghai", "example.cn", "Chengdu",
                    List.of(new City("成都", "cd", List.of("510107", "510104", "510116")),
                            new City("绵阳", "my", List.of("510703"))), 6, 0),
            new Region("hubei", "CN", "Asia/Shanghai", "example.cn", "Wuhan",
                    List.of(new City("武汉", "wh", List.of("420106", "420111", "420103")),
                            new City("宜昌", "yc", List.of("420502"))), 6, 0),
            new Region("hong-kong", "HK", "Asia/Hong_Kong", "example.hk", "Hong Kong",
                    List.of(new City("香港", "hk", List.of())), 8, 28),
            new Region("singapore", "SG", "Asia/Singapore", "example.sg", "Singapore",
                    List.of(new City("新加坡", "sg", List.of())), 4, 24),
            new Region("london", "GB", "Europe/London", "example.com", "London",
                    List.of(new City("伦敦", "ldn", List.of())), 0, 18),
            new Region("frankfurt", "DE", "Europe/Berlin", "example.de", "Frankfurt",
                    List.of(new City("法兰克福", "fra", List.of())), 0, 18));

    private Regions() {
    }

    static Region byId(String id) {
        for (Region region : ALL) {
            if (region.id().equals(id)) {
                return region;
            }
        }
        throw new NoSuchElementException(id);
    }

    /** A region for a company named in {@code language}, by the regions' weights. */
    static Region draw(RandomGenerator rng, String language) {
        double[] weights = new double[ALL.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = "zh".equals(language) ? ALL.get(i).zhWeight() : ALL.get(i).enWeight();
        }
        return ALL.get(Draws.weighted(rng, weights));
    }
}

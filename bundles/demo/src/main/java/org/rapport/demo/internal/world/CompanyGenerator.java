package org.rapport.demo.internal.world;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

/** The client companies: names, region, industry, size, tags, tenure, registration, products and archetype. */
final class CompanyGenerator {

    static final double CHINESE_SHARE = 0.7;

    private static final List<Archetype> ARCHETYPES = List.of(Archetype.GROWING, Archetype.STABLE,
            Archetype.DECLINING, Archetype.DORMANT, Archetype.NEW, Archetype.WON_BACK, Archetype.PROSPECT);
    private static final double[] ARCHETYPE_SHARES = {0.16, 0.34, 0.14, 0.09, 0.10, 0.06, 0.11};

    private static final double MIN_REVENUE = 2_000_000;
    private static final double MAX_REVENUE = 5_000_000_000.0;

    private final CompanyNames names = new CompanyNames();
    private final RegistrationCodes registrations;

    CompanyGenerator(UnaryOperator<String> completeCode) {
        this.registrations = new RegistrationCodes(completeCode);
    }

    /** {@code count} companies without managers yet. */
    List<DemoCompany> generate(RandomGenerator rng, int count, LocalDate today) {
        List<String> languages = Draws.quotas(rng, count, List.of("zh", "en"),
                new double[] {CHINESE_SHARE, 1 - CHINESE_SHARE});
        List<Archetype> archetypes = Draws.quotas(rng, count, ARCHETYPES, ARCHETYPE_SHARES);
        List<DemoCompany> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(company(rng, i, languages.get(i), archetypes.get(i), today));
        }
        return out;
    }

    private DemoCompany company(RandomGenerator rng, int index, String language, Archetype archetype,
            LocalDate today) {
        Regions.Region region = Regions.draw(rng, language);
        Regions.City city = Draws.pick(rng, region.cities());
        String industry = Catalog.INDUSTRIES.get(Draws.weighted(rng, Catalog.INDUSTRY_WEIGHTS));
        double median = archetype == Archetype.PROSPECT || archetype == Archetype.NEW ? 35_000_000 : 60_000_000;
        double revenueValue = Math.min(MAX_REVENUE, Math.max(MIN_REVENUE, Draws.logNormal(rng, median, 1.35)));
        BigDecimal revenue = BigDecimal.valueOf(revenueValue).setScale(-4, RoundingMode.HALF_UP).setScale(2);
        int employees = (int) Math.max(3, Math.min(200_000, Math.round(revenueValue
                / Draws.logNormal(rng, 800_000, 0.5))));
        LocalDate createdOn = today.minusDays(tenureDays(rng, archetype));
        CompanyNames.Named named = "zh".equals(language)
                ? names.chinese(rng, region, city, industry, revenue)
                : names.english(rng, region, industry, revenue);
        String registration = registrations.next(rng, region, city, createdOn);
        List<String> tags = tags(rng, language, industry, revenueValue, archetype, region);
        boolean inactive = archetype == Archetype.DORMANT ? Draws.chance(rng, 0.3)
                : archetype == Archetype.DECLINING && Draws.chance(rng, 0.05);
        List<String> products = products(rng, industry, employees, region);
        return new DemoCompany(index, named.name(), language, registration, industry, region.id(), region.country(),
                revenue, employees, tags, inactive ? "inactive" : "active", createdOn, archetype, named.domain(),
                products, null);
    }

    /** Days since the company became a client (or a lead); established clients predate the year shown. */
    private static int tenureDays(RandomGenerator rng, Archetype archetype) {
        return switch (archetype) {
            case NEW -> Draws.between(rng, 20, 170);
            case PROSPECT -> Draws.between(rng, 0, 540);
            case DORMANT, WON_BACK -> Draws.between(rng, 2 * 365, 10 * 365);
            default -> Draws.between(rng, 366, 10 * 365);
        };
    }

    private static List<String> tags(RandomGenerator rng, String language, String industry, double revenue,
            Archetype archetype, Regions.Region region) {
        boolean zh = "zh".equals(language);
        List<String> tags = new ArrayList<>(4);
        if (("trading".equals(industry) || "logistics".equals(industry) || "manufacturing".equals(industry))
                && Draws.chance(rng, "trading".equals(industry) ? 0.7 : 0.3)) {
            tags.add(zh ? "外贸" : "export");
        }
        if (zh && region.mainland() && List.of("technology", "healthcare", "energy").contains(industry)
                && Draws.chance(rng, 0.5)) {
            tags.add("高新技术");
        }
        if (zh && ("manufacturing".equals(industry) || "technology".equals(industry)) && Draws.chance(rng, 0.12)) {
            tags.add("专精特新");
        }
        if (revenue >= 1_000_000_000 && Draws.chance(rng, 0.45)) {
            tags.add("listed");
        }
        if (revenue <= 50_000_000 && Draws.chance(rng, 0.6)) {
            tags.add("SME");
        }
        if (revenue >= 500_000_000 && (archetype == Archetype.STABLE || archetype == Archetype.GROWING)
                && Draws.chance(rng, 0.35)) {
            tags.add("战略客户");
        }
        if (zh && revenue >= 2_000_000_000 && Draws.chance(rng, 0.3)) {
            tags.add("集团客户");
        }
        if (zh && "retail".equals(industry) && Draws.chance(rng, 0.2)) {
            tags.add("跨境电商");
        }
        if (!zh && ("energy".equals(industry) || "healthcare".equals(industry)) && Draws.chance(rng, 0.25)) {
            tags.add("ESG");
        }
        return tags;
    }

    /** The products a company holds, in catalog order; at least one. */
    private static List<String> products(RandomGenerator rng, String industry, int employees,
            Regions.Region region) {
        boolean traders = List.of("trading", "logistics", "manufacturing").contains(industry);
        boolean borrowers = List.of("manufacturing", "construction", "energy").contains(industry);
        double[] chances = {
            0.9, // online-banking
            0.6, // cash-management
            employees >= 30 ? 0.55 : 0.05, // payroll
            traders || !region.mainland() ? 0.6 : 0.2, // fx
            traders ? 0.6 : 0.1, // trade-finance
            0.35, // deposits
            borrowers ? 0.5 : 0.25, // working-capital-loan
        };
        List<String> products = new ArrayList<>();
        for (int p = 0; p < chances.length; p++) {
            if (Draws.chance(rng, chances[p])) {
                products.add(Catalog.PRODUCTS.get(p));
            }
        }
        if (products.isEmpty()) {
            products.add("online-banking");
        }
        return products;
    }
}

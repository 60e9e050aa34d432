package org.rapport.demo.internal.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** The twelve account managers, their capacities and the intended assignment of companies to them. */
final class ManagerRoster {

    /** A manager before capacities are known: name, seniority, skills and languages. */
    private record Profile(String username, String displayName, int seniority, List<String> industries,
            List<String> products, List<String> languages) {
    }

    private static final List<Profile> PROFILES = List.of(
            new Profile("li.na", "李娜", 3, List.of("manufacturing", "trading", "logistics"),
                    List.of("trade-finance", "fx", "working-capital-loan"), List.of("zh", "en")),
            new Profile("wang.lei", "王磊", 3, List.of("technology", "healthcare", "energy"),
                    List.of("cash-management", "working-capital-loan", "deposits"), List.of("zh")),
            new Profile("james.wong", "James Wong", 3, List.of("trading", "logistics", "retail"),
                    List.of("fx", "trade-finance", "cash-management"), List.of("en", "zh")),
            new Profile("chen.jing", "陈静", 2, List.of("retail", "education", "agriculture"),
                    List.of("payroll", "online-banking", "deposits"), List.of("zh")),
            new Profile("zhang.wei", "张伟", 2, List.of("manufacturing", "construction", "energy"),
                    List.of("working-capital-loan", "trade-finance"), List.of("zh")),
            new Profile("liu.yang", "刘洋", 2, List.of("technology", "education"),
                    List.of("online-banking", "payroll", "cash-management"), List.of("zh", "en")),
            new Profile("sarah.lim", "Sarah Lim", 2, List.of("trading", "healthcare", "technology"),
                    List.of("fx", "cash-management", "deposits"), List.of("en", "zh")),
            new Profile("zhao.min", "赵敏", 2, List.of("healthcare", "retail"),
                    List.of("payroll", "cash-management"), List.of("zh")),
            new Profile("huang.zhiqiang", "黄志强", 1, List.of("manufacturing", "logistics"),
                    List.of("online-banking", "payroll"), List.of("zh")),
            new Profile("zhou.ting", "周婷", 1, List.of("agriculture", "retail", "trading"),
                    List.of("deposits", "online-banking"), List.of("zh")),
            new Profile("sun.hao", "孙浩", 1, List.of("construction", "energy"),
                    List.of("working-capital-loan", "online-banking"), List.of("zh")),
            new Profile("thomas.becker", "Thomas Becker", 1, List.of("manufacturing", "energy", "technology"),
                    List.of("fx", "trade-finance", "cash-management"), List.of("en")));

    /** Relative capacity by seniority (index 1..3): seniors carry fewer, bigger clients. */
    private static final double[] CAPACITY_WEIGHT = {0, 1.1, 1.0, 0.8};

    static final double CAPACITY_FACTOR = 1.3;

    private ManagerRoster() {
    }

    /** The twelve managers, all active, capacities summing to at least 1.3 × {@code companies}. */
    static List<DemoManager> managers(int companies) {
        double totalWeight = 0;
        for (Profile p : PROFILES) {
            totalWeight += CAPACITY_WEIGHT[p.seniority()];
        }
        List<DemoManager> out = new ArrayList<>(PROFILES.size());
        for (Profile p : PROFILES) {
            int capacity = (int) Math.ceil(CAPACITY_WEIGHT[p.seniority()] / totalWeight * CAPACITY_FACTOR * companies);
            out.add(new DemoManager(p.username(), p.displayName(), p.username() + "@" + Catalog.BANK_DOMAIN,
                    p.seniority(), Math.max(1, capacity), p.industries(), p.products(), p.languages(), true));
        }
        return out;
    }

    /**
     * The companies with their intended managers. Companies are taken by value (revenue, less for prospects and
     * fading clients), and each goes to the free manager whose seniority, language and industry fit best.
     */
    static List<DemoCompany> assign(RandomGenerator rng, List<DemoManager> managers, List<DemoCompany> companies) {
        double[] values = new double[companies.size()];
        for (DemoCompany company : companies) {
            values[company.index()] = value(company);
        }
        List<DemoCompany> byValue = new ArrayList<>(companies);
        byValue.sort(Comparator.comparingDouble((DemoCompany c) -> -values[c.index()])
                .thenComparingInt(DemoCompany::index));
        int[] load = new int[managers.size()];
        DemoCompany[] assigned = new DemoCompany[companies.size()];
        for (int rank = 0; rank < byValue.size(); rank++) {
            DemoCompany company = byValue.get(rank);
            double share = rank / (double) byValue.size();
            int wanted = share < 0.2 ? 3 : share < 0.6 ? 2 : 1;
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int m = 0; m < managers.size(); m++) {
                DemoManager manager = managers.get(m);
                if (!manager.active() || load[m] >= manager.capacity()) {
                    continue;
                }
                double score = fit(manager, company, wanted) - 2.0 * load[m] / manager.capacity()
                        + rng.nextDouble() * 0.5;
                if (score > bestScore) {
                    bestScore = score;
                    best = m;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("manager capacity below company count");
            }
            load[best]++;
            assigned[company.index()] = company.withManager(managers.get(best).username());
        }
        return List.of(assigned);
    }

    private static double fit(DemoManager manager, DemoCompany company, int wantedSeniority) {
        int gap = manager.seniority() - wantedSeniority;
        double score = gap < 0 ? 5.0 * gap : -3.0 * gap;
        if (manager.industries().contains(company.industry())) {
            score += 2;
        }
        if (!manager.speaks(company.language())) {
            score -= 6;
        } else if (manager.languages().get(0).equals(company.language())) {
            score += 1;
        }
        return score;
    }

    private static double value(DemoCompany company) {
        double factor = switch (company.archetype()) {
            case PROSPECT -> 0.3;
            case DORMANT -> 0.5;
            case DECLINING -> 0.8;
            default -> 1.0;
        };
        return company.annualRevenue().doubleValue() * factor;
    }
}

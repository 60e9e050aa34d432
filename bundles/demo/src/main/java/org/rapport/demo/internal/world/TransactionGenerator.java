package org.rapport.demo.internal.world;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A year of transactions of one company following its activity curve, its products and its home currencies. */
final class TransactionGenerator {

    /** How often each product is used relative to the others (payroll runs monthly instead). */
    private static final double[] PRODUCT_FREQUENCY = {5, 4, 0, 2, 1.5, 0.6, 0.25};

    /** Typical ticket as a share of annual revenue (payroll is computed from head count instead). */
    private static final double[] PRODUCT_TICKET = {0.004, 0.01, 0, 0.02, 0.03, 0.04, 0.08};

    private static final List<String> FOREIGN = List.of("USD", "EUR", "HKD", "SGD");

    /** The transactions of {@code company}, oldest first. */
    List<DemoTransaction> forCompany(RandomGenerator rng, DemoCompany company, ActivityCurve curve, LocalDate today) {
        List<DemoTransaction> out = new ArrayList<>();
        if (company.archetype() == Archetype.PROSPECT) {
            return out;
        }
        Regions.Region region = Regions.byId(company.region());
        double revenue = company.annualRevenue().doubleValue();
        double perMonth = Math.max(1.0, 1.5 + 3.2 * (Math.log10(revenue) - 6.3)) * Draws.logNormal(rng, 1, 0.3);
        double[] frequency = new double[Catalog.PRODUCTS.size()];
        boolean payroll = false;
        for (String product : company.products()) {
            int p = Catalog.PRODUCTS.indexOf(product);
            frequency[p] = PRODUCT_FREQUENCY[p];
            payroll |= "payroll".equals(product);
        }
        double monthlySalary = monthlySalary(region) * Draws.logNormal(rng, 1, 0.15);
        int payday = region.mainland() ? 10 : 25;
        int sequence = 0;
        for (int daysAgo = ActivityCurve.DAYS - 1; daysAgo >= 0; daysAgo--) {
            double intensity = curve.intensity(daysAgo);
            if (intensity <= 0) {
                continue;
            }
            LocalDate date = today.minusDays(daysAgo);
            if (payroll && isPayday(date, payday) && Draws.chance(rng, Math.min(1, intensity))) {
                double amount = company.employees() * monthlySalary * Draws.logNormal(rng, 1, 0.04);
                out.add(transaction(rng, company, region, date, "payroll", amount, ++sequence));
            }
            double mean = perMonth / 21 * intensity * dayFactor(date, region);
            for (int n = Draws.poisson(rng, mean); n > 0; n--) {
                int p = Draws.weighted(rng, frequency);
                if (frequency[p] == 0) {
                    continue;
                }
                double amount = revenue * PRODUCT_TICKET[p] * Draws.logNormal(rng, 1, 0.9);
                out.add(transaction(rng, company, region, date, Catalog.PRODUCTS.get(p), amount, ++sequence));
            }
        }
        return out;
    }

    private static DemoTransaction transaction(RandomGenerator rng, DemoCompany company, Regions.Region region,
            LocalDate date, String product, double amountCny, int sequence) {
        String currency = currency(rng, region, product);
        double units = Math.max(100, amountCny / Catalog.CNY_PER_UNIT.get(currency));
        long cents = "working-capital-loan".equals(product)
                ? Math.max(1, Math.round(units / 10_000)) * 1_000_000
                : Math.round(units * 100);
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        String reference = reference(date, company.index() + 1, sequence);
        return new DemoTransaction(company.index(), date, amount, currency, product, reference);
    }

    /** TX-yyyyMMdd-ccccc-ssss, built by hand because String.format is slow at this volume. */
    private static String reference(LocalDate date, int company, int sequence) {
        StringBuilder out = new StringBuilder(24).append("TX-").append(date.getYear());
        pad(out, date.getMonthValue(), 2);
        pad(out, date.getDayOfMonth(), 2);
        pad(out.append('-'), company, 5);
        pad(out.append('-'), sequence, 4);
        return out.toString();
    }

    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    private static String currency(RandomGenerator rng, Regions.Region region, String product) {
        if ("fx".equals(product)) {
            return Draws.pick(rng, List.of("USD", "USD", "USD", "EUR", "HKD", "SGD"));
        }
        if ("trade-finance".equals(product) && Draws.chance(rng, 0.6)) {
            return Draws.chance(rng, 0.8) ? "USD" : "EUR";
        }
        String home = switch (region.country()) {
            case "HK" -> "HKD";
            case "SG" -> "SGD";
            case "GB", "DE" -> "EUR";
            default -> "CNY";
        };
        double r = rng.nextDouble();
        if ("CNY".equals(home)) {
            return r < 0.95 ? "CNY" : "USD";
        }
        return r < 0.55 ? home : r < 0.8 ? "CNY" : Draws.pick(rng, FOREIGN);
    }

    private static double monthlySalary(Regions.Region region) {
        return switch (region.country()) {
            case "CN" -> 11_000;
            case "HK", "SG" -> 32_000;
            default -> 40_000;
        };
    }

    /** Whether payroll runs on {@code date}: the pay day, or the Friday before when it falls on a weekend. */
    private static boolean isPayday(LocalDate date, int payday) {
        LocalDate due = date.withDayOfMonth(payday);
        while (weekend(due)) {
            due = due.minusDays(1);
        }
        return due.equals(date);
    }

    /** Fewer transactions at weekends and public holidays, more at month end. */
    private static double dayFactor(LocalDate date, Regions.Region region) {
        if (weekend(date)) {
            return 0.08;
        }
        double factor = date.getDayOfMonth() >= date.lengthOfMonth() - 2 ? 1.5 : 1.0;
        boolean chinese = region.mainland() || "HK".equals(region.country());
        if (chinese && date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() <= 12) {
            factor *= 0.35; // around the Spring Festival
        }
        if (region.mainland() && date.getMonth() == Month.OCTOBER && date.getDayOfMonth() <= 7) {
            factor *= 0.2; // National Day holiday
        }
        if (!chinese && date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 24) {
            factor *= 0.3; // Christmas
        }
        return factor;
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

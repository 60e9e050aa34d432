package org.rapport.demo.internal.world;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/** How active a company is on each day of the last year, as its archetype dictates. */
final class ActivityCurve {

    /** Days covered: today and the 364 days before it. */
    static final int DAYS = 365;

    private final Archetype archetype;
    private final int startDaysAgo;
    private final int quietFrom;
    private final int quietTo;

    private ActivityCurve(Archetype archetype, int startDaysAgo, int quietFrom, int quietTo) {
        this.archetype = archetype;
        this.startDaysAgo = startDaysAgo;
        this.quietFrom = quietFrom;
        this.quietTo = quietTo;
    }

    /** The curve of {@code company}; draws its dormancy, gap or start days. */
    static ActivityCurve of(RandomGenerator rng, DemoCompany company, LocalDate today) {
        int tenure = (int) Math.min(DAYS - 1, ChronoUnit.DAYS.between(company.createdOn(), today));
        return switch (company.archetype()) {
            case DORMANT -> new ActivityCurve(Archetype.DORMANT, DAYS - 1, Draws.between(rng, 125, 270), 0);
            case NEW -> new ActivityCurve(Archetype.NEW, Math.max(3, tenure - Draws.between(rng, 0, 10)), -1, -1);
            case WON_BACK -> {
                int back = Draws.between(rng, 25, 80);
                yield new ActivityCurve(Archetype.WON_BACK, DAYS - 1, back + Draws.between(rng, 90, 170), back + 1);
            }
            case PROSPECT -> new ActivityCurve(Archetype.PROSPECT, tenure, -1, -1);
            default -> new ActivityCurve(company.archetype(), DAYS - 1, -1, -1);
        };
    }

    /** The oldest day (in days before today) on which the company can have any activity. */
    int startDaysAgo() {
        return startDaysAgo;
    }

    /** Whether the company was a silent client on that day: dormant, or away before being won back. */
    boolean quiet(int daysAgo) {
        return daysAgo <= quietFrom && daysAgo >= quietTo;
    }

    /** Whether the company came back within the last {@code days} before {@code daysAgo} (won-back only). */
    boolean justBack(int daysAgo, int days) {
        return archetype == Archetype.WON_BACK && daysAgo < quietTo && daysAgo >= quietTo - days;
    }

    /** Relative transaction intensity on a day (1 = the company's normal level, 0 = none). */
    double intensity(int daysAgo) {
        if (daysAgo > startDaysAgo || daysAgo < 0 || quiet(daysAgo)) {
            return 0;
        }
        double t = (DAYS - 1 - daysAgo) / (double) (DAYS - 1);
        return switch (archetype) {
            case GROWING -> 0.45 + 1.1 * t;
            case DECLINING -> 1.6 - 1.4 * t;
            case DORMANT -> 1.1 - 0.5 * (DAYS - 1 - daysAgo) / (double) (DAYS - 1 - quietFrom);
            case NEW -> 0.6 + 0.5 * (startDaysAgo - daysAgo) / (double) startDaysAgo;
            case WON_BACK -> daysAgo > quietFrom ? 0.9 : 0.75;
            case PROSPECT -> 0;
            default -> 1.0;
        };
    }
}

package org.rapport.accounts.internal.engine;

/**
 * Weights and scales of the value score.
 *
 * <p>The five {@code *Max} weights are the points each component can earn; by default they
 * sum to 100 (size 25, volume 30, frequency 15, tenure 15, growth 15: transaction value
 * first, then size, with cooperation history and future potential next, as the tiering
 * articles rank them). When overridden weights do not sum to 100, the score is rescaled
 * to 0-100.
 *
 * <p>Scales: revenue, employees and volume are log-scaled between a floor (0 points) and a
 * full mark (all points), because a company's size spans orders of magnitude; frequency is
 * log-scaled from 0 to {@code frequencyFull}; tenure is linear up to {@code tenureFullYears};
 * growth is linear from {@code growthFloor} (e.g. -50%: 0 points) to {@code growthFull}
 * (e.g. +50%: all points). A client with no volume in the previous 12 months (young or
 * returning) gets growth potential instead: {@code youngPotentialBase} of the points when it
 * transacts now, plus the rest in proportion to its size.
 *
 * @param sizeMax points for business size (revenue and employees)
 * @param volumeMax points for 12-month transaction volume
 * @param frequencyMax points for 12-month transaction count
 * @param tenureMax points for years of relationship
 * @param growthMax points for volume growth or, for young clients, potential
 * @param revenueFloor annual revenue (CNY) scoring 0
 * @param revenueFull annual revenue (CNY) scoring full marks
 * @param employeesFloor head count scoring 0
 * @param employeesFull head count scoring full marks
 * @param revenueShare share of revenue in the size component when both revenue and employees are known (0-1)
 * @param volumeFloor 12-month volume (CNY) scoring 0
 * @param volumeFull 12-month volume (CNY) scoring full marks
 * @param frequencyFull 12-month transaction count scoring full marks
 * @param tenureFullYears years of relationship scoring full marks
 * @param growthFloor volume change ratio scoring 0 (e.g. -0.5)
 * @param growthFull volume change ratio scoring full marks (e.g. 0.5)
 * @param youngPotentialBase share of the growth points given to a client that transacts but had no previous-year volume (0-1)
 */
public record ValueWeights(
        int sizeMax,
        int volumeMax,
        int frequencyMax,
        int tenureMax,
        int growthMax,
        double revenueFloor,
        double revenueFull,
        double employeesFloor,
        double employeesFull,
        double revenueShare,
        double volumeFloor,
        double volumeFull,
        int frequencyFull,
        double tenureFullYears,
        double growthFloor,
        double growthFull,
        double youngPotentialBase) {

    public ValueWeights {
        if (sizeMax < 0 || volumeMax < 0 || frequencyMax < 0 || tenureMax < 0 || growthMax < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        if (totalMax(sizeMax, volumeMax, frequencyMax, tenureMax, growthMax) == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        requireRange(revenueFloor, revenueFull, "revenue");
        requireRange(employeesFloor, employeesFull, "employees");
        requireRange(volumeFloor, volumeFull, "volume");
        requireRange(growthFloor, growthFull, "growth");
        if (revenueFloor <= 0 || employeesFloor <= 0 || volumeFloor <= 0) {
            throw new IllegalArgumentException("log-scale floors must be positive");
        }
        if (frequencyFull < 1 || tenureFullYears <= 0) {
            throw new IllegalArgumentException("frequencyFull and tenureFullYears must be positive");
        }
        requireShare(revenueShare, "revenueShare");
        requireShare(youngPotentialBase, "youngPotentialBase");
    }

    /** Size 25, volume 30, frequency 15, tenure 15, growth 15; revenue CNY 1M..10bn, 10..10,000 employees, volume CNY 100K..1bn, 60 transactions, 5 years, growth -50%..+50%. */
    public static ValueWeights defaults() {
        return new ValueWeights(25, 30, 15, 15, 15,
                1e6, 1e10, 10, 10_000, 0.7,
                1e5, 1e9, 60, 5.0, -0.5, 0.5, 0.5);
    }

    /** Sum of the five weights. */
    public int totalMax() {
        return totalMax(sizeMax, volumeMax, frequencyMax, tenureMax, growthMax);
    }

    private static int totalMax(int... weights) {
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        return sum;
    }

    private static void requireRange(double floor, double full, String name) {
        if (!(full > floor)) {
            throw new IllegalArgumentException(name + ": full mark must be above the floor");
        }
    }

    private static void requireShare(double share, String name) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0-1: " + share);
        }
    }
}

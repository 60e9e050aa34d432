package org.rapport.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles (nearest rank) over a list of samples. */
public final class Stats {

    private Stats() {
    }

    /** The nearest-rank {@code p}-th percentile (0 &lt; p ≤ 100) of non-empty {@code samples}. */
    public static double percentile(List<? extends Number> samples, double p) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>();
        samples.forEach(n -> sorted.add(n.doubleValue()));
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The median; for an even count, the mean of the two middle samples. */
    public static double median(List<? extends Number> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = new ArrayList<>();
        samples.forEach(n -> sorted.add(n.doubleValue()));
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    public static double min(List<? extends Number> samples) {
        return samples.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
    }

    public static double max(List<? extends Number> samples) {
        return samples.stream().mapToDouble(Number::doubleValue).max().orElseThrow();
    }
}

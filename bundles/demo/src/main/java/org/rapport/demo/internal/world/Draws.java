package org.rapport.demo.internal.world;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Random draws over the one shared generator: picks, weighted picks, quotas, Poisson and log-normal values. */
final class Draws {

    private Draws() {
    }

    static <T> T pick(RandomGenerator rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    static boolean chance(RandomGenerator rng, double probability) {
        return rng.nextDouble() < probability;
    }

    /** A uniform integer in [low, high]. */
    static int between(RandomGenerator rng, int low, int high) {
        return low + rng.nextInt(high - low + 1);
    }

    /** An index chosen with the given relative weights. */
    static int weighted(RandomGenerator rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A log-normal value with the given median and spread of the logarithm. */
    static double logNormal(RandomGenerator rng, double median, double sigma) {
        return median * Math.exp(sigma * rng.nextGaussian());
    }

    static int poisson(RandomGenerator rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * rng.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = rng.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= rng.nextDouble();
            count++;
        }
        return count;
    }

    /** Fisher–Yates shuffle driven by {@code rng}. */
    static <T> void shuffle(RandomGenerator rng, List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
    }

    /**
     * {@code count} items laid out by exact quotas (largest remainder) of the given shares, then shuffled, so that
     * even small worlds get every kind in proportion.
     */
    static <T> List<T> quotas(RandomGenerator rng, int count, List<T> kinds, double[] shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        int[] counts = new int[kinds.size()];
        double[] remainders = new double[kinds.size()];
        int assigned = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = count * shares[i] / total;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }
        while (assigned < count) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        List<T> laidOut = new ArrayList<>(count);
        for (int i = 0; i < counts.length; i++) {
            for (int n = 0; n < counts[i]; n++) {
                laidOut.add(kinds.get(i));
            }
        }
        shuffle(rng, laidOut);
        return laidOut;
    }
}

package org.rapport.accounts.internal.engine;

/**
 * Weights and scales of the churn risk score (see {@link ChurnScorer}).
 *
 * <p>The five maxima sum to 100 by default (recency 35, 90-day frequency drop 20, 12-month
 * frequency drop 10, complaints 20, survey 15): activity and transaction frequency are the
 * warning indicators the articles name first, then complaints. When overridden maxima do
 * not sum to 100 the score is rescaled to 0-100.
 *
 * @param recencyMax points for a long time without activity
 * @param recencyGraceDays days without activity that add nothing
 * @param recencyFullDays days without activity that add all recency points
 * @param drop90dMax points for fewer transactions in the last 90 days than in the 90 before
 * @param drop12mMax points for fewer transactions in the last 12 months than in the 12 before
 * @param dropIgnoredBelow relative drops up to this (e.g. 0.1 = 10%) add nothing; a 100% drop adds all points
 * @param dropMinBaseCount the earlier period needs at least this many transactions for a drop to count
 * @param complaintsMax cap on the points of all complaints
 * @param pointsPerRecentComplaint points per complaint in the last 90 days
 * @param pointsPerOlderComplaint points per complaint earlier in the last 365 days
 * @param surveyMax points for an average survey score of 0
 * @param surveyGoodScore survey average (0-10) from which a survey adds nothing
 */
public record ChurnWeights(
        int recencyMax,
        int recencyGraceDays,
        int recencyFullDays,
        int drop90dMax,
        int drop12mMax,
        double dropIgnoredBelow,
        int dropMinBaseCount,
        int complaintsMax,
        int pointsPerRecentComplaint,
        int pointsPerOlderComplaint,
        int surveyMax,
        double surveyGoodScore) {

    public ChurnWeights {
        if (recencyMax < 0 || drop90dMax < 0 || drop12mMax < 0 || complaintsMax < 0 || surveyMax < 0
                || pointsPerRecentComplaint < 0 || pointsPerOlderComplaint < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        if (recencyMax + drop90dMax + drop12mMax + complaintsMax + surveyMax == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        if (recencyGraceDays < 0 || recencyFullDays <= recencyGraceDays) {
            throw new IllegalArgumentException("recencyFullDays must exceed recencyGraceDays");
        }
        if (!(dropIgnoredBelow >= 0 && dropIgnoredBelow < 1) || dropMinBaseCount < 1) {
            throw new IllegalArgumentException("dropIgnoredBelow must be within [0, 1), dropMinBaseCount at least 1");
        }
        if (!(surveyGoodScore > 0 && surveyGoodScore <= 10)) {
            throw new IllegalArgumentException("surveyGoodScore must be within (0, 10]");
        }
    }

    /** Recency 35 (30..180 days), 90-day drop 20, 12-month drop 10 (drops over 10% from at least 2), complaints 20 (8 per recent, 3 per older), survey 15 (below 7.0). */
    public static ChurnWeights defaults() {
        return new ChurnWeights(35, 30, 180, 20, 10, 0.1, 2, 20, 8, 3, 15, 7.0);
    }

    /** Sum of the five maxima. */
    public int totalMax() {
        return recencyMax + drop90dMax + drop12mMax + complaintsMax + surveyMax;
    }
}

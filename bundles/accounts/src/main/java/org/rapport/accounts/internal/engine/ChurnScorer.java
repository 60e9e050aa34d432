package org.rapport.accounts.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Computes a client's churn risk 0-100 from activity recency, transaction frequency drops,
 * complaints and survey scores, each reason with its figures (see {@link ChurnWeights}).
 *
 * <p>Recency counts days since the last transaction or interaction. A client that has never
 * transacted (a prospect) gets no recency or frequency points: it has no business to lose,
 * and its silence is a sales-pipeline matter, not churn; scoring it would flood the
 * warning list with every cold lead. Its complaints and survey answers still count, as
 * they are real dissatisfaction. A missing survey score adds nothing.
 */
public final class ChurnScorer {

    private final ChurnWeights weights;

    public ChurnScorer(ChurnWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** Scores the client as of {@code today}. */
    public ChurnRisk score(ClientFacts facts, LocalDate today) {
        List<RiskReason> reasons = new ArrayList<>();
        if (facts.hasTransactions()) {
            recency(facts, today, reasons);
            drop("frequency_90d", facts.txCountPrev90d(), facts.txCount90d(), weights.drop90dMax(),
                    "近 90 天", "the last 90 days", reasons);
            drop("frequency_12m", facts.txCountPrev12m(), facts.txCount12m(), weights.drop12mMax(),
                    "近 12 个月", "the last 12 months", reasons);
        }
        complaints(facts, reasons);
        survey(facts, reasons);
        int sum = reasons.stream().mapToInt(RiskReason::points).sum();
        int total = weights.totalMax();
        int score = total == 100 ? sum : (int) Math.round(sum * 100.0 / total);
        return new ChurnRisk(Math.max(0, Math.min(100, score)), reasons);
    }

    private void recency(ClientFacts facts, LocalDate today, List<RiskReason> reasons) {
        LocalDate last = facts.lastActivityOn() != null ? facts.lastActivityOn() : facts.relationshipStart();
        long days = Days.since(last, today);
        double ratio = (double) (days - weights.recencyGraceDays())
                / (weights.recencyFullDays() - weights.recencyGraceDays());
        add(reasons, "recency", ratio, weights.recencyMax(),
                days + " 天无往来",
                "No activity for " + days + " days");
    }

    private void drop(String code, int before, int now, int max, String zhPeriod, String enPeriod,
            List<RiskReason> reasons) {
        if (before < weights.dropMinBaseCount() || now >= before) {
            return;
        }
        double drop = (double) (before - now) / before;
        double ratio = (drop - weights.dropIgnoredBelow()) / (1 - weights.dropIgnoredBelow());
        String percent = Format.signedPercent(-drop);
        add(reasons, code, ratio, max,
                zhPeriod + "交易 " + now + " 笔，前一期 " + before + " 笔（" + percent + "）",
                "Transactions in " + enPeriod + " fell from " + before + " to " + now + " (" + percent + ")");
    }

    private void complaints(ClientFacts facts, List<RiskReason> reasons) {
        int recent = facts.complaints90d();
        int older = Math.max(0, facts.complaints365d() - recent);
        int recentPoints = Math.min(weights.complaintsMax(), recent * weights.pointsPerRecentComplaint());
        int olderPoints = Math.min(weights.complaintsMax() - recentPoints, older * weights.pointsPerOlderComplaint());
        if (recentPoints > 0) {
            reasons.add(new RiskReason("complaints_90d", recentPoints,
                    "近 90 天投诉 " + recent + " 次",
                    Format.plural(recent, "complaint", "complaints") + " in the last 90 days"));
        }
        if (olderPoints > 0) {
            reasons.add(new RiskReason("complaints_365d", olderPoints,
                    "近一年内更早的投诉 " + older + " 次",
                    Format.plural(older, "earlier complaint", "earlier complaints") + " in the last 365 days"));
        }
    }

    private void survey(ClientFacts facts, List<RiskReason> reasons) {
        Double score = facts.surveyScore();
        if (score == null || score >= weights.surveyGoodScore()) {
            return;
        }
        String good = Format.oneDecimal(weights.surveyGoodScore());
        add(reasons, "survey", (weights.surveyGoodScore() - score) / weights.surveyGoodScore(), weights.surveyMax(),
                "满意度调查平均 " + Format.oneDecimal(score) + " 分（满分 10，低于 " + good + "）",
                "Average survey score " + Format.oneDecimal(score) + " of 10 (below " + good + ")");
    }

    private static void add(List<RiskReason> reasons, String code, double ratio, int max, String zh, String en) {
        int points = (int) Math.round(Math.max(0, Math.min(1, ratio)) * max);
        if (points > 0) {
            reasons.add(new RiskReason(code, points, zh, en));
        }
    }
}

package org.rapport.accounts.internal.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Computes a client's value score 0-100 from business size, transaction volume and
 * frequency, tenure and growth (see {@link ValueWeights} for the scales).
 *
 * <p>Each component is rounded to whole points and the score is their sum (rescaled to
 * 0-100 when the weights do not sum to 100). Every component is non-decreasing in its
 * inputs, so more revenue, employees, volume, transactions or tenure never lowers the score.
 */
public final class ValueScorer {

    private static final double DAYS_PER_YEAR = 365.25;

    private final ValueWeights weights;

    public ValueScorer(ValueWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** Scores the client as of {@code today}. */
    public ValueScore score(ClientFacts facts, LocalDate today) {
        double sizeRatio = sizeRatio(facts);
        List<ScoreComponent> components = List.of(
                size(facts, sizeRatio),
                volume(facts),
                frequency(facts),
                tenure(facts, today),
                growth(facts, sizeRatio));
        int sum = components.stream().mapToInt(ScoreComponent::points).sum();
        int total = weights.totalMax();
        int score = total == 100 ? sum : (int) Math.round(sum * 100.0 / total);
        return new ValueScore(Math.max(0, Math.min(100, score)), components);
    }

    private double sizeRatio(ClientFacts f) {
        Double revenue = f.annualRevenue() == null ? null
                : logRatio(f.annualRevenue().doubleValue(), weights.revenueFloor(), weights.revenueFull());
        Double staff = f.employees() == null ? null
                : logRatio(f.employees(), weights.employeesFloor(), weights.employeesFull());
        if (revenue != null && staff != null) {
            return weights.revenueShare() * revenue + (1 - weights.revenueShare()) * staff;
        }
        if (revenue != null) {
            return revenue;
        }
        return staff != null ? staff : 0;
    }

    private ScoreComponent size(ClientFacts f, double ratio) {
        String zh;
        String en;
        if (f.annualRevenue() == null && f.employees() == null) {
            zh = "规模未知（无年收入和员工数）";
            en = "Size unknown (no revenue or head count)";
        } else {
            zh = "年收入 " + (f.annualRevenue() == null ? "未知" : Format.moneyZh(f.annualRevenue()))
                    + "，员工 " + (f.employees() == null ? "未知" : f.employees() + " 人");
            en = "Annual revenue " + (f.annualRevenue() == null ? "unknown" : Format.moneyEn(f.annualRevenue()))
                    + ", " + (f.employees() == null ? "head count unknown" : f.employees() + " employees");
        }
        return component("size", ratio, weights.sizeMax(), zh, en);
    }

    private ScoreComponent volume(ClientFacts f) {
        double ratio = logRatio(f.txVolume12m().doubleValue(), weights.volumeFloor(), weights.volumeFull());
        return component("volume", ratio, weights.volumeMax(),
                "近 12 个月交易额 " + Format.moneyZh(f.txVolume12m()),
                "Transaction volume " + Format.moneyEn(f.txVolume12m()) + " in the last 12 months");
    }

    private ScoreComponent frequency(ClientFacts f) {
        double ratio = Math.log1p(f.txCount12m()) / Math.log1p(weights.frequencyFull());
        return component("frequency", ratio, weights.frequencyMax(),
                "近 12 个月交易 " + f.txCount12m() + " 笔",
                Format.plural(f.txCount12m(), "transaction", "transactions") + " in the last 12 months");
    }

    private ScoreComponent tenure(ClientFacts f, LocalDate today) {
        double years = Days.since(f.relationshipStart(), today) / DAYS_PER_YEAR;
        return component("tenure", years / weights.tenureFullYears(), weights.tenureMax(),
                "合作 " + Format.oneDecimal(years) + " 年（自 " + f.relationshipStart() + "）",
                "Client for " + Format.oneDecimal(years) + " years (since " + f.relationshipStart() + ")");
    }

    private ScoreComponent growth(ClientFacts f, double sizeRatio) {
        BigDecimal previous = f.txVolumePrev12m();
        if (previous.signum() > 0) {
            double change = f.txVolume12m().subtract(previous).doubleValue() / previous.doubleValue();
            double ratio = (change - weights.growthFloor()) / (weights.growthFull() - weights.growthFloor());
            return component("growth", ratio, weights.growthMax(),
                    "交易额较前 12 个月变化 " + Format.signedPercent(change),
                    "Volume " + Format.signedPercent(change) + " versus the previous 12 months");
        }
        double base = f.txVolume12m().signum() > 0 ? weights.youngPotentialBase() : 0;
        double ratio = base + (1 - weights.youngPotentialBase()) * sizeRatio;
        String zhActivity = f.txVolume12m().signum() > 0 ? "前 12 个月无交易额，新近开始交易" : "尚无交易额";
        String enActivity = f.txVolume12m().signum() > 0
                ? "No volume in the previous 12 months, transacting now" : "No transaction volume yet";
        return component("growth", ratio, weights.growthMax(),
                zhActivity + "，按企业规模估计增长潜力",
                enActivity + "; potential judged from company size");
    }

    private static ScoreComponent component(String code, double ratio, int max, String zh, String en) {
        int points = (int) Math.round(clamp(ratio) * max);
        return new ScoreComponent(code, points, max, zh, en);
    }

    /** 0 at or below floor, 1 at or above full, logarithmic in between. */
    private static double logRatio(double value, double floor, double full) {
        if (!(value > floor)) {
            return 0;
        }
        if (value >= full) {
            return 1;
        }
        return Math.log(value / floor) / Math.log(full / floor);
    }

    private static double clamp(double ratio) {
        if (Double.isNaN(ratio)) {
            return 0;
        }
        return Math.max(0, Math.min(1, ratio));
    }
}

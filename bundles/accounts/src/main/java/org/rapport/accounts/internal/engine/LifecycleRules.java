package org.rapport.accounts.internal.engine;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Decides a client's lifecycle stage: prospect → new → repeat → loyal, and at_risk → churned → won_back.
 *
 * <p>The rules are tried in this order; the first that matches decides. "Inactive days" are
 * days since the last transaction (interactions do not count: a client that talks but no
 * longer does business is still leaving). "Tenure" is days since the first transaction.
 * "Transactions" are those of the last 24 months ({@code txCount12m + txCountPrev12m}, at
 * least 2 when the first and last transaction dates differ). {@code stageSince} is the day
 * the stored stage was entered.
 *
 * <table>
 *   <caption>Lifecycle transition rules (defaults in brackets)</caption>
 *   <tr><th>#</th><th>rule</th><th>from</th><th>condition</th><th>to</th></tr>
 *   <tr><td>1</td><td>{@code no_transaction}</td><td>any</td><td>never transacted</td><td>prospect</td></tr>
 *   <tr><td>2</td><td>{@code returned}</td><td>churned</td><td>a transaction after churning: last transaction after
 *       {@code stageSince}; when {@code stageSince} is unknown, fewer inactive days than {@code churnedInactiveDays}
 *       (the client was churned for inactivity, so a shorter gap means it transacted since)</td><td>won_back</td></tr>
 *   <tr><td>3</td><td>{@code still_churned}</td><td>churned</td><td>no transaction since</td><td>churned</td></tr>
 *   <tr><td>4</td><td>{@code long_inactive}</td><td>any other</td><td>inactive days ≥ {@code churnedInactiveDays} [270]</td><td>churned</td></tr>
 *   <tr><td>5</td><td>{@code inactive}</td><td>any other</td><td>inactive days ≥ {@code atRiskInactiveDays} [90]</td><td>at_risk</td></tr>
 *   <tr><td>6</td><td>{@code churn_risk}</td><td>any other</td><td>churn risk score ≥ {@code atRiskChurnScore} [60]</td><td>at_risk</td></tr>
 *   <tr><td>7</td><td>{@code winning_back}</td><td>won_back</td><td>fewer than {@code wonBackDays} [180] days since
 *       {@code stageSince}, or {@code stageSince} unknown</td><td>won_back</td></tr>
 *   <tr><td>8</td><td>{@code won_back_done}</td><td>won_back</td><td>{@code wonBackDays} passed</td><td>loyal when rule 10
 *       holds, else repeat</td></tr>
 *   <tr><td>9</td><td>{@code new}</td><td>any other</td><td>first transaction less than {@code newDays} [180] days ago</td><td>new</td></tr>
 *   <tr><td>10</td><td>{@code loyal}</td><td>any other</td><td>tenure ≥ {@code loyalMinTenureDays} [730] and
 *       {@code txCount12m} ≥ {@code loyalMinTx12m} [6]</td><td>loyal</td></tr>
 *   <tr><td>11</td><td>{@code repeat}</td><td>any other</td><td>transactions ≥ {@code repeatMinTx} [2]</td><td>repeat</td></tr>
 *   <tr><td>12</td><td>{@code few_transactions}</td><td>any other</td><td>otherwise (past {@code newDays} with fewer than
 *       {@code repeatMinTx} transactions but still active)</td><td>new</td></tr>
 * </table>
 *
 * <p>So at_risk is entered by inactivity or by churn risk, and left as soon as neither holds
 * (back to new / repeat / loyal); churned is entered by long inactivity only and left only
 * by a new transaction, to won_back; won_back is kept for {@code wonBackDays} unless the
 * client becomes at risk or churns again, then returns to repeat or loyal. A client with a
 * transaction within {@code newDays} is new however many transactions it made.
 */
public final class LifecycleRules {

    private final LifecycleConfig config;

    public LifecycleRules(LifecycleConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Decides the stage.
     *
     * @param facts the client
     * @param churnScore the client's churn risk score 0-100 (from {@link ChurnScorer})
     * @param stageSince the day {@code facts.currentStage()} was entered, nullable
     * @param today the evaluation date
     */
    public StageDecision decide(ClientFacts facts, int churnScore, LocalDate stageSince, LocalDate today) {
        Stage current = Stage.fromId(facts.currentStage());
        if (!facts.hasTransactions()) {
            return decision(Stage.PROSPECT, current, "no_transaction", "尚无交易", "No transaction yet");
        }
        LocalDate lastTx = lastTransaction(facts);
        LocalDate firstTx = firstTransaction(facts);
        long inactive = Days.since(lastTx, today);
        if (current == Stage.CHURNED) {
            return churnedClient(current, lastTx, inactive, stageSince);
        }
        if (inactive >= config.churnedInactiveDays()) {
            return decision(Stage.CHURNED, current, "long_inactive",
                    inactive + " 天无交易（≥ " + config.churnedInactiveDays() + " 天）",
                    "No transaction for " + inactive + " days (≥ " + config.churnedInactiveDays() + ")");
        }
        if (inactive >= config.atRiskInactiveDays()) {
            return decision(Stage.AT_RISK, current, "inactive",
                    inactive + " 天无交易（≥ " + config.atRiskInactiveDays() + " 天）",
                    "No transaction for " + inactive + " days (≥ " + config.atRiskInactiveDays() + ")");
        }
        if (churnScore >= config.atRiskChurnScore()) {
            return decision(Stage.AT_RISK, current, "churn_risk",
                    "流失风险评分 " + churnScore + "（≥ " + config.atRiskChurnScore() + "）",
                    "Churn risk score " + churnScore + " (≥ " + config.atRiskChurnScore() + ")");
        }
        long tenure = Days.since(firstTx, today);
        if (current == Stage.WON_BACK) {
            return wonBackClient(facts, current, stageSince, tenure, today);
        }
        if (tenure < config.newDays()) {
            return decision(Stage.NEW, current, "new",
                    "首次交易于 " + tenure + " 天前（" + config.newDays() + " 天内）",
                    "First transaction " + tenure + " days ago (within " + config.newDays() + ")");
        }
        if (isLoyal(facts, tenure)) {
            return loyal(facts, current, "loyal", tenure);
        }
        int transactions = transactions(facts, firstTx, lastTx);
        if (transactions >= config.repeatMinTx()) {
            return decision(Stage.REPEAT, current, "repeat",
                    "近 24 个月交易 " + transactions + " 笔（≥ " + config.repeatMinTx() + "），首次交易于 " + tenure + " 天前",
                    transactions + " transactions in 24 months (≥ " + config.repeatMinTx() + "), first "
                            + tenure + " days ago");
        }
        return decision(Stage.NEW, current, "few_transactions",
                "近 24 个月仅交易 " + transactions + " 笔（少于 " + config.repeatMinTx() + "）",
                "Only " + transactions + " transactions in 24 months (fewer than " + config.repeatMinTx() + ")");
    }

    private StageDecision churnedClient(Stage current, LocalDate lastTx, long inactive, LocalDate stageSince) {
        boolean returned = stageSince != null
                ? lastTx.isAfter(stageSince)
                : inactive < config.churnedInactiveDays();
        if (returned) {
            return decision(Stage.WON_BACK, current, "returned",
                    "流失后于 " + lastTx + " 重新交易",
                    "Transacted again on " + lastTx + " after churning");
        }
        return decision(Stage.CHURNED, current, "still_churned",
                "流失后无新交易（" + inactive + " 天无交易）",
                "No transaction since churning (" + inactive + " days without a transaction)");
    }

    private StageDecision wonBackClient(ClientFacts facts, Stage current, LocalDate stageSince, long tenure,
            LocalDate today) {
        if (stageSince == null || Days.since(stageSince, today) < config.wonBackDays()) {
            String days = stageSince == null ? "" : Days.since(stageSince, today) + " ";
            return decision(Stage.WON_BACK, current, "winning_back",
                    "挽回 " + days + "天，仍在 " + config.wonBackDays() + " 天挽回期内",
                    "Won back " + days + "days ago, within the " + config.wonBackDays() + "-day won-back period");
        }
        if (isLoyal(facts, tenure)) {
            return loyal(facts, current, "won_back_done", tenure);
        }
        return decision(Stage.REPEAT, current, "won_back_done",
                "挽回期（" + config.wonBackDays() + " 天）已过，回到复购客户",
                "Won-back period (" + config.wonBackDays() + " days) over: back to repeat");
    }

    private boolean isLoyal(ClientFacts facts, long tenure) {
        return tenure >= config.loyalMinTenureDays() && facts.txCount12m() >= config.loyalMinTx12m();
    }

    private StageDecision loyal(ClientFacts facts, Stage current, String rule, long tenure) {
        return decision(Stage.LOYAL, current, rule,
                "合作 " + tenure + " 天（≥ " + config.loyalMinTenureDays() + "），近 12 个月交易 "
                        + facts.txCount12m() + " 笔（≥ " + config.loyalMinTx12m() + "）",
                "Client for " + tenure + " days (≥ " + config.loyalMinTenureDays() + ") with "
                        + facts.txCount12m() + " transactions in 12 months (≥ " + config.loyalMinTx12m() + ")");
    }

    private static StageDecision decision(Stage stage, Stage current, String rule, String zh, String en) {
        return new StageDecision(stage, current, stage != current, rule, zh, en);
    }

    private static LocalDate lastTransaction(ClientFacts facts) {
        LocalDate last = Days.latest(facts.lastTransactionOn(), facts.firstTransactionOn());
        return last != null ? last : facts.createdOn();
    }

    private static LocalDate firstTransaction(ClientFacts facts) {
        LocalDate first = Days.earliest(facts.firstTransactionOn(), facts.lastTransactionOn());
        return first != null ? first : facts.createdOn();
    }

    private static int transactions(ClientFacts facts, LocalDate firstTx, LocalDate lastTx) {
        int counted = facts.txCount12m() + facts.txCountPrev12m();
        return Math.max(counted, firstTx.equals(lastTx) ? 1 : 2);
    }
}

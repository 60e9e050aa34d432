package org.rapport.accounts.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.accounts.internal.engine.Facts.TODAY;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleRulesTest {

    private final LifecycleRules rules = new LifecycleRules(LifecycleConfig.defaults());

    private StageDecision decide(Facts facts) {
        return rules.decide(facts.build(), 0, null, TODAY);
    }

    /** Transacted first {@code firstDaysAgo} and last {@code lastDaysAgo} days ago, with {@code tx12m} transactions this year. */
    private static Facts active(int firstDaysAgo, int lastDaysAgo, int tx12m) {
        return Facts.client().firstTx(TODAY.minusDays(firstDaysAgo)).lastTx(TODAY.minusDays(lastDaysAgo))
                .tx12m(tx12m, 100_000.0 * tx12m);
    }

    @Test
    void rule1NoTransactionIsProspect() {
        StageDecision decision = decide(Facts.client());
        assertThat(decision.stage()).isEqualTo(Stage.PROSPECT);
        assertThat(decision.rule()).isEqualTo("no_transaction");
        assertThat(decision.changed()).isTrue();
        assertThat(decision.reasonEn()).isEqualTo("No transaction yet");
    }

    @Test
    void rule1WinsEvenOverAStoredChurnedStage() {
        assertThat(decide(Facts.client().stage("churned")).stage()).isEqualTo(Stage.PROSPECT);
    }

    @Test
    void rule2ChurnedClientThatTransactsAgainIsWonBack() {
        StageDecision decision = decide(active(900, 5, 1).stage("churned"));
        assertThat(decision.stage()).isEqualTo(Stage.WON_BACK);
        assertThat(decision.rule()).isEqualTo("returned");
        assertThat(decision.previous()).isEqualTo(Stage.CHURNED);
        assertThat(decision.reasonEn()).isEqualTo("Transacted again on 2025-06-25 after churning");
        assertThat(decision.reasonZh()).contains("2025-06-25");
    }

    @Test
    void rule2UsesTheChurnDateWhenKnown() {
        LocalDate churnedOn = LocalDate.of(2025, 1, 1);
        ClientFacts after = active(900, 29, 1).stage("churned").build();
        assertThat(rules.decide(after, 0, churnedOn, TODAY).stage()).isEqualTo(Stage.WON_BACK);
        ClientFacts before = active(900, 211, 1).stage("churned").build();
        StageDecision decision = rules.decide(before, 0, churnedOn, TODAY);
        assertThat(decision.stage()).isEqualTo(Stage.CHURNED);
        assertThat(decision.rule()).isEqualTo("still_churned");
    }

    @Test
    void rule3ChurnedClientWithoutNewTransactionStaysChurned() {
        StageDecision decision = decide(active(900, 300, 0).stage("churned"));
        assertThat(decision.stage()).isEqualTo(Stage.CHURNED);
        assertThat(decision.rule()).isEqualTo("still_churned");
        assertThat(decision.changed()).isFalse();
        assertThat(decision.reasonEn()).contains("300 days");
    }

    @Test
    void rule4LongInactivityChurns() {
        StageDecision decision = decide(active(900, 270, 0).stage("at_risk"));
        assertThat(decision.stage()).isEqualTo(Stage.CHURNED);
        assertThat(decision.rule()).isEqualTo("long_inactive");
        assertThat(decision.reasonEn()).isEqualTo("No transaction for 270 days (≥ 270)");
        assertThat(decision.reasonZh()).isEqualTo("270 天无交易（≥ 270 天）");
        assertThat(decide(active(900, 269, 1).stage("at_risk")).stage()).isEqualTo(Stage.AT_RISK);
    }

    @Test
    void rule4ChurnsFromAnyStageWithoutPassingThroughAtRisk() {
        assertThat(decide(active(900, 400, 0).stage("loyal")).stage()).isEqualTo(Stage.CHURNED);
    }

    @Test
    void rule5InactivityMakesAtRisk() {
        StageDecision decision = decide(active(900, 90, 8).stage("loyal"));
        assertThat(decision.stage()).isEqualTo(Stage.AT_RISK);
        assertThat(decision.rule()).isEqualTo("inactive");
        assertThat(decision.reasonEn()).isEqualTo("No transaction for 90 days (≥ 90)");
        assertThat(decide(active(900, 89, 8)).stage()).isEqualTo(Stage.LOYAL);
    }

    @Test
    void rule6ChurnRiskMakesAtRisk() {
        ClientFacts loyal = active(900, 5, 8).stage("loyal").build();
        StageDecision decision = rules.decide(loyal, 60, null, TODAY);
        assertThat(decision.stage()).isEqualTo(Stage.AT_RISK);
        assertThat(decision.rule()).isEqualTo("churn_risk");
        assertThat(decision.reasonEn()).isEqualTo("Churn risk score 60 (≥ 60)");
        assertThat(decision.reasonZh()).isEqualTo("流失风险评分 60（≥ 60）");
        assertThat(rules.decide(loyal, 59, null, TODAY).stage()).isEqualTo(Stage.LOYAL);
    }

    @Test
    void rule6AppliesToNewClientsToo() {
        assertThat(rules.decide(active(20, 5, 1).build(), 80, null, TODAY).stage()).isEqualTo(Stage.AT_RISK);
    }

    @Test
    void rule7WonBackClientStaysWonBackDuringThePeriod() {
        ClientFacts facts = active(900, 5, 8).stage("won_back").build();
        StageDecision decision = rules.decide(facts, 0, TODAY.minusDays(179), TODAY);
        assertThat(decision.stage()).isEqualTo(Stage.WON_BACK);
        assertThat(decision.rule()).isEqualTo("winning_back");
        assertThat(decision.changed()).isFalse();
        assertThat(decision.reasonEn()).isEqualTo("Won back 179 days ago, within the 180-day won-back period");
        assertThat(rules.decide(facts, 0, null, TODAY).stage()).isEqualTo(Stage.WON_BACK);
    }

    @Test
    void rule8WonBackClientReturnsToRepeatOrLoyalAfterThePeriod() {
        LocalDate since = TODAY.minusDays(180);
        StageDecision repeat = rules.decide(active(900, 5, 3).stage("won_back").build(), 0, since, TODAY);
        assertThat(repeat.stage()).isEqualTo(Stage.REPEAT);
        assertThat(repeat.rule()).isEqualTo("won_back_done");
        StageDecision loyal = rules.decide(active(900, 5, 6).stage("won_back").build(), 0, since, TODAY);
        assertThat(loyal.stage()).isEqualTo(Stage.LOYAL);
        assertThat(loyal.rule()).isEqualTo("won_back_done");
    }

    @Test
    void wonBackClientGoingQuietAgainIsAtRisk() {
        StageDecision decision = rules.decide(active(900, 100, 2).stage("won_back").build(), 0, TODAY.minusDays(120),
                TODAY);
        assertThat(decision.stage()).isEqualTo(Stage.AT_RISK);
    }

    @Test
    void rule9FirstTransactionWithinNewDaysIsNew() {
        StageDecision decision = decide(active(30, 5, 4).stage("prospect"));
        assertThat(decision.stage()).isEqualTo(Stage.NEW);
        assertThat(decision.rule()).isEqualTo("new");
        assertThat(decision.reasonEn()).isEqualTo("First transaction 30 days ago (within 180)");
        assertThat(decision.reasonZh()).isEqualTo("首次交易于 30 天前（180 天内）");
    }

    @ParameterizedTest
    @CsvSource({"179, NEW", "180, REPEAT"})
    void newDaysEdge(int firstDaysAgo, Stage expected) {
        assertThat(decide(active(firstDaysAgo, 5, 4)).stage()).isEqualTo(expected);
    }

    @Test
    void rule10LongTenureAndRegularBusinessIsLoyal() {
        StageDecision decision = decide(Facts.steadyClient().stage("repeat"));
        assertThat(decision.stage()).isEqualTo(Stage.LOYAL);
        assertThat(decision.rule()).isEqualTo("loyal");
        assertThat(decision.reasonEn()).contains("12 transactions in 12 months (≥ 6)");
    }

    @ParameterizedTest
    @CsvSource({"730, 6, LOYAL", "729, 6, REPEAT", "730, 5, REPEAT"})
    void loyalEdges(int tenureDays, int tx12m, Stage expected) {
        assertThat(decide(active(tenureDays, 5, tx12m)).stage()).isEqualTo(expected);
    }

    @Test
    void rule11EnoughTransactionsAfterTheNewPeriodIsRepeat() {
        StageDecision decision = decide(active(400, 10, 3).stage("new"));
        assertThat(decision.stage()).isEqualTo(Stage.REPEAT);
        assertThat(decision.rule()).isEqualTo("repeat");
        assertThat(decision.reasonEn()).isEqualTo("3 transactions in 24 months (≥ 2), first 400 days ago");
    }

    @Test
    void transactionsAreAtLeastTwoWhenFirstAndLastDatesDiffer() {
        assertThat(decide(active(400, 10, 1)).stage()).isEqualTo(Stage.REPEAT);
    }

    @Test
    void rule12TooFewTransactionsStaysNew() {
        LifecycleConfig strict = new LifecycleConfig(180, 5, 730, 6, 90, 60, 270, 180);
        StageDecision decision = new LifecycleRules(strict).decide(active(400, 10, 3).build(), 0, null, TODAY);
        assertThat(decision.stage()).isEqualTo(Stage.NEW);
        assertThat(decision.rule()).isEqualTo("few_transactions");
        assertThat(decision.reasonEn()).contains("3", "fewer than 5");
    }

    @Test
    void atRiskClientRecoversWhenActiveAndLowRisk() {
        StageDecision decision = decide(active(900, 3, 8).stage("at_risk"));
        assertThat(decision.stage()).isEqualTo(Stage.LOYAL);
        assertThat(decision.changed()).isTrue();
        assertThat(decision.previous()).isEqualTo(Stage.AT_RISK);
    }

    @Test
    void unknownStoredStageCountsAsNone() {
        StageDecision decision = decide(active(900, 3, 8).stage("vip"));
        assertThat(decision.previous()).isNull();
        assertThat(decision.changed()).isTrue();
    }

    @Test
    void stageIdsAreLowercaseAndRoundTrip() {
        for (Stage stage : Stage.values()) {
            assertThat(Stage.fromId(stage.id())).isEqualTo(stage);
            assertThat(stage.id()).isEqualTo(stage.name().toLowerCase());
        }
        assertThat(Stage.fromId(null)).isNull();
    }

    @Test
    void defaultsAndValidation() {
        assertThat(LifecycleConfig.defaults()).isEqualTo(new LifecycleConfig(180, 2, 730, 6, 90, 60, 270, 180));
        assertThatThrownBy(() -> new LifecycleConfig(180, 2, 730, 6, 90, 60, 90, 180))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LifecycleConfig(180, 0, 730, 6, 90, 60, 270, 180))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

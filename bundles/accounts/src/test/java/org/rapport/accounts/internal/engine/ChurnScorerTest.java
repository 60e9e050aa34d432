package org.rapport.accounts.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.accounts.internal.engine.Facts.TODAY;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChurnScorerTest {

    private final ChurnScorer scorer = new ChurnScorer(ChurnWeights.defaults());

    private ChurnRisk score(Facts facts) {
        return scorer.score(facts.build(), TODAY);
    }

    @Test
    void defaultWeightsSumTo100() {
        assertThat(ChurnWeights.defaults().totalMax()).isEqualTo(100);
    }

    @Test
    void healthyClientHasNoRisk() {
        ChurnRisk risk = score(Facts.steadyClient().survey(8.5));
        assertThat(risk.score()).isZero();
        assertThat(risk.reasons()).isEmpty();
    }

    @Test
    void prospectWithNoHistoryIsNotAChurnRiskHoweverOld() {
        ChurnRisk risk = score(Facts.client().created(TODAY.minusYears(5)));
        assertThat(risk.score()).isZero();
        assertThat(risk.reasons()).isEmpty();
    }

    @Test
    void prospectComplaintsAndSurveysStillCount() {
        ChurnRisk risk = score(Facts.client().complaints(1, 1).survey(3.5));
        assertThat(risk.reasons()).extracting(RiskReason::code).containsExactly("complaints_90d", "survey");
        assertThat(risk.score()).isEqualTo(8 + 8);
    }

    @Test
    void inactivityReasonNamesTheDays() {
        ChurnRisk risk = score(Facts.steadyClient().lastTx(TODAY.minusDays(134)));
        RiskReason recency = risk.reasons().get(0);
        assertThat(recency.code()).isEqualTo("recency");
        assertThat(recency.en()).isEqualTo("No activity for 134 days");
        assertThat(recency.zh()).isEqualTo("134 天无往来");
        assertThat(recency.points()).isEqualTo(24);
    }

    @Test
    void recencyIsZeroWithinGraceAndFullAfterFullDays() {
        assertThat(score(Facts.steadyClient().lastTx(TODAY.minusDays(30))).score()).isZero();
        assertThat(score(Facts.steadyClient().lastTx(TODAY.minusDays(31))).score()).isEqualTo(0);
        assertThat(score(Facts.steadyClient().lastTx(TODAY.minusDays(40))).score()).isEqualTo(2);
        assertThat(score(Facts.steadyClient().lastTx(TODAY.minusDays(180))).score()).isEqualTo(35);
        assertThat(score(Facts.steadyClient().lastTx(TODAY.minusDays(900))).score()).isEqualTo(35);
    }

    @Test
    void aRecentInteractionCountsAsActivity() {
        Facts quiet = Facts.steadyClient().lastTx(TODAY.minusDays(150));
        assertThat(score(quiet).score()).isEqualTo(28);
        assertThat(score(quiet.lastInteraction(TODAY.minusDays(3))).score()).isZero();
    }

    @Test
    void longerInactivityNeverLowersTheRisk() {
        int previous = -1;
        for (int days = 0; days <= 400; days++) {
            int s = score(Facts.steadyClient().lastTx(TODAY.minusDays(days))).score();
            assertThat(s).isGreaterThanOrEqualTo(previous);
            previous = s;
        }
    }

    @Test
    void ninetyDayFrequencyDropIsExplainedWithTheCounts() {
        ChurnRisk risk = score(Facts.steadyClient().tx90d(3, 12));
        RiskReason drop = risk.reasons().get(0);
        assertThat(drop.code()).isEqualTo("frequency_90d");
        assertThat(drop.en()).isEqualTo("Transactions in the last 90 days fell from 12 to 3 (-75%)");
        assertThat(drop.zh()).isEqualTo("近 90 天交易 3 笔，前一期 12 笔（-75%）");
        assertThat(drop.points()).isEqualTo(14);
    }

    @Test
    void twelveMonthDropCountsLessThanNinetyDayDrop() {
        ChurnRisk yearly = score(Facts.steadyClient().tx12m(0, 0).txPrev12m(20, 1e6).tx90d(0, 0));
        assertThat(yearly.reasons()).extracting(RiskReason::code).contains("frequency_12m");
        RiskReason drop = yearly.reasons().stream().filter(r -> r.code().equals("frequency_12m")).findFirst().orElseThrow();
        assertThat(drop.points()).isEqualTo(10);
        assertThat(drop.en()).isEqualTo("Transactions in the last 12 months fell from 20 to 0 (-100%)");
        ChurnRisk quarterly = score(Facts.steadyClient().tx90d(0, 20));
        assertThat(quarterly.reasons().get(0).points()).isEqualTo(20);
    }

    @Test
    void smallOrNoDropsAddNothing() {
        assertThat(score(Facts.steadyClient().tx90d(1, 1)).reasons()).isEmpty();
        assertThat(score(Facts.steadyClient().tx90d(0, 1)).reasons()).isEmpty();
        assertThat(score(Facts.steadyClient().tx90d(9, 10)).reasons()).isEmpty();
        assertThat(score(Facts.steadyClient().tx90d(30, 10)).reasons()).isEmpty();
    }

    @Test
    void recentComplaintsWeighMoreThanOlderOnes() {
        ChurnRisk recent = score(Facts.steadyClient().complaints(2, 2));
        ChurnRisk older = score(Facts.steadyClient().complaints(0, 2));
        assertThat(recent.score()).isEqualTo(16);
        assertThat(older.score()).isEqualTo(6);
        assertThat(recent.reasons().get(0).en()).isEqualTo("2 complaints in the last 90 days");
        assertThat(recent.reasons().get(0).zh()).isEqualTo("近 90 天投诉 2 次");
        assertThat(older.reasons().get(0).en()).isEqualTo("2 earlier complaints in the last 365 days");
        assertThat(score(Facts.steadyClient().complaints(1, 1)).reasons().get(0).en())
                .isEqualTo("1 complaint in the last 90 days");
    }

    @Test
    void complaintPointsAreCapped() {
        ChurnRisk risk = score(Facts.steadyClient().complaints(2, 10));
        assertThat(risk.score()).isEqualTo(20);
        assertThat(risk.reasons()).extracting(RiskReason::points).containsExactly(16, 4);
        assertThat(score(Facts.steadyClient().complaints(10, 10)).score()).isEqualTo(20);
    }

    @Test
    void lowSurveyScoresAddRiskAndMissingOrGoodOnesDoNot() {
        RiskReason survey = score(Facts.steadyClient().survey(3.5)).reasons().get(0);
        assertThat(survey.points()).isEqualTo(8);
        assertThat(survey.en()).isEqualTo("Average survey score 3.5 of 10 (below 7.0)");
        assertThat(survey.zh()).isEqualTo("满意度调查平均 3.5 分（满分 10，低于 7.0）");
        assertThat(score(Facts.steadyClient().survey(0.0)).score()).isEqualTo(15);
        assertThat(score(Facts.steadyClient().survey(7.0)).score()).isZero();
        assertThat(score(Facts.steadyClient().survey(null)).score()).isZero();
    }

    @Test
    void reasonsAreOrderedByContribution() {
        ChurnRisk risk = score(Facts.steadyClient().lastTx(TODAY.minusDays(134)).tx90d(0, 6).complaints(1, 3)
                .survey(5.0));
        List<Integer> points = risk.reasons().stream().map(RiskReason::points).toList();
        assertThat(points).isSortedAccordingTo((a, b) -> b - a);
        assertThat(risk.reasons()).extracting(RiskReason::code)
                .containsExactly("recency", "frequency_90d", "complaints_90d", "complaints_365d", "survey");
        assertThat(risk.score()).isEqualTo(points.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void topReasonsReturnsTheLargest() {
        ChurnRisk risk = score(Facts.steadyClient().lastTx(TODAY.minusDays(134)).tx90d(0, 6).complaints(1, 3));
        assertThat(risk.topReasons(2)).extracting(RiskReason::code).containsExactly("recency", "frequency_90d");
        assertThat(risk.topReasons(10)).hasSize(risk.reasons().size());
        assertThat(risk.topReasons(0)).isEmpty();
        assertThatThrownBy(() -> risk.topReasons(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalPointsAreOrderedByCode() {
        ChurnRisk risk = new ChurnRisk(10, List.of(new RiskReason("survey", 5, "", ""),
                new RiskReason("complaints_90d", 5, "", "")));
        assertThat(risk.reasons()).extracting(RiskReason::code).containsExactly("complaints_90d", "survey");
    }

    @Test
    void worstCaseScores100() {
        ChurnRisk risk = score(Facts.steadyClient().lastTx(TODAY.minusDays(400)).tx90d(0, 10).tx12m(0, 0)
                .txPrev12m(30, 1e6).complaints(5, 9).survey(0.0));
        assertThat(risk.score()).isEqualTo(100);
    }

    @Test
    void randomClientsAlwaysScoreWithinBounds() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            int c90 = random.nextInt(6);
            Facts facts = Facts.steadyClient()
                    .lastTx(random.nextBoolean() ? TODAY.minusDays(random.nextInt(1_000)) : null)
                    .firstTx(random.nextInt(5) == 0 ? null : TODAY.minusDays(1_000))
                    .lastInteraction(random.nextBoolean() ? TODAY.minusDays(random.nextInt(500)) : null)
                    .tx90d(random.nextInt(20), random.nextInt(20))
                    .tx12m(random.nextInt(60), 1e6).txPrev12m(random.nextInt(60), 1e6)
                    .complaints(c90, c90 + random.nextInt(6))
                    .survey(random.nextBoolean() ? random.nextDouble() * 10 : null);
            ChurnRisk risk = score(facts);
            assertThat(risk.score()).isBetween(0, 100);
            assertThat(risk.reasons()).allSatisfy(r -> assertThat(r.points()).isPositive());
        }
    }

    @Test
    void nonDefaultMaximaAreRescaled() {
        ChurnWeights half = new ChurnWeights(35, 30, 180, 0, 0, 0.1, 2, 0, 8, 3, 15, 7.0);
        ChurnRisk risk = new ChurnScorer(half).score(Facts.steadyClient().lastTx(TODAY.minusDays(400)).survey(0.0)
                .build(), TODAY);
        assertThat(risk.score()).isEqualTo(100);
    }

    @Test
    void invalidWeightsAreRejected() {
        assertThatThrownBy(() -> new ChurnWeights(35, 180, 30, 20, 10, 0.1, 2, 20, 8, 3, 15, 7.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChurnWeights(0, 30, 180, 0, 0, 0.1, 2, 0, 8, 3, 0, 7.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.rapport.accounts.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.accounts.internal.engine.Facts.TODAY;

import java.time.LocalDate;
import java.util.Random;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

class ValueScorerTest {

    private final ValueScorer scorer = new ValueScorer(ValueWeights.defaults());

    private int score(Facts facts) {
        return scorer.score(facts.build(), TODAY).score();
    }

    @Test
    void defaultWeightsSumTo100() {
        assertThat(ValueWeights.defaults().totalMax()).isEqualTo(100);
    }

    @Test
    void prospectWithNothingKnownScoresNearZero() {
        ValueScore score = scorer.score(Facts.client().created(TODAY).build(), TODAY);
        assertThat(score.score()).isZero();
        assertThat(score.components()).extracting(ScoreComponent::code)
                .containsExactly("size", "volume", "frequency", "tenure", "growth");
    }

    @Test
    void largestLongStandingGrowingClientScores100() {
        Facts facts = Facts.client().revenue(1e11).employees(100_000).created(LocalDate.of(2010, 1, 1))
                .firstTx(LocalDate.of(2010, 2, 1)).lastTx(TODAY).tx12m(100, 1e10).txPrev12m(80, 5e9);
        ValueScore score = scorer.score(facts.build(), TODAY);
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.components()).allSatisfy(c -> assertThat(c.points()).isEqualTo(c.max()));
    }

    @Test
    void scoreIsTheSumOfTheComponents() {
        ValueScore score = scorer.score(Facts.steadyClient().build(), TODAY);
        assertThat(score.score()).isEqualTo(score.components().stream().mapToInt(ScoreComponent::points).sum());
        assertThat(score.components()).allSatisfy(c -> assertThat(c.points()).isBetween(0, c.max()));
    }

    @Test
    void moreRevenueNeverLowersTheScore() {
        assertNonDecreasing(r -> Facts.steadyClient().revenue(r), 0, 1e12);
        assertNonDecreasing(r -> Facts.client().employees(null).revenue(r), 0, 1e12);
    }

    @Test
    void moreEmployeesNeverLowerTheScore() {
        assertNonDecreasing(e -> Facts.steadyClient().employees((int) e), 0, 1_000_000);
    }

    @Test
    void moreVolumeNeverLowersTheScore() {
        assertNonDecreasing(v -> Facts.steadyClient().tx12m(12, v), 0, 1e11);
        assertNonDecreasing(v -> Facts.client().firstTx(TODAY.minusDays(30)).lastTx(TODAY).tx12m(2, v), 0, 1e11);
    }

    @Test
    void moreTransactionsNeverLowerTheScore() {
        assertNonDecreasing(n -> Facts.steadyClient().tx12m((int) n, 20_000_000), 0, 10_000);
    }

    @Test
    void longerTenureNeverLowersTheScoreAndIsCapped() {
        int previous = -1;
        for (int years = 0; years <= 20; years++) {
            int s = score(Facts.steadyClient().created(TODAY.minusYears(years)).firstTx(null));
            assertThat(s).isGreaterThanOrEqualTo(previous);
            previous = s;
        }
        ValueScore tenYears = scorer.score(Facts.client().created(TODAY.minusYears(10)).build(), TODAY);
        assertThat(tenYears.component("tenure").points()).isEqualTo(15);
        ValueScore twoYears = scorer.score(Facts.client().created(TODAY.minusYears(2)).build(), TODAY);
        assertThat(twoYears.component("tenure").points()).isEqualTo(6);
        assertThat(twoYears.component("tenure").en()).contains("2.0 years");
    }

    @Test
    void tenureCountsFromTheFirstTransactionWhenItPrecedesTheRecord() {
        ValueScore score = scorer.score(Facts.client().created(TODAY.minusYears(1))
                .firstTx(TODAY.minusYears(5)).lastTx(TODAY).tx12m(1, 1000).build(), TODAY);
        assertThat(score.component("tenure").points()).isEqualTo(15);
    }

    @Test
    void growthRewardsRisingVolumeAndPenalisesFallingVolume() {
        int rising = scorer.score(Facts.steadyClient().tx12m(12, 30_000_000).build(), TODAY).component("growth").points();
        int flat = scorer.score(Facts.steadyClient().build(), TODAY).component("growth").points();
        int falling = scorer.score(Facts.steadyClient().tx12m(12, 10_000_000).build(), TODAY).component("growth").points();
        assertThat(rising).isEqualTo(15);
        assertThat(flat).isEqualTo(8);
        assertThat(falling).isZero();
        ScoreComponent growth = scorer.score(Facts.steadyClient().tx12m(12, 27_000_000).build(), TODAY).component("growth");
        assertThat(growth.en()).contains("+35%");
        assertThat(growth.zh()).contains("+35%");
    }

    @Test
    void youngClientGetsGrowthPotentialFromItsSize() {
        Facts young = Facts.client().created(TODAY.minusDays(60)).firstTx(TODAY.minusDays(50)).lastTx(TODAY)
                .tx12m(3, 5_000_000);
        ScoreComponent small = scorer.score(young.employees(20).build(), TODAY).component("growth");
        ScoreComponent large = scorer.score(young.employees(10_000).revenue(1e10).build(), TODAY).component("growth");
        assertThat(small.points()).isBetween(8, 9);
        assertThat(large.points()).isEqualTo(15);
        assertThat(small.en()).contains("potential");
        ScoreComponent prospect = scorer.score(Facts.client().revenue(1e10).build(), TODAY).component("growth");
        assertThat(prospect.points()).isEqualTo(8);
    }

    @Test
    void sizeUsesWhicheverOfRevenueAndEmployeesIsKnown() {
        assertThat(scorer.score(Facts.client().revenue(1e10).build(), TODAY).component("size").points()).isEqualTo(25);
        assertThat(scorer.score(Facts.client().employees(10_000).build(), TODAY).component("size").points()).isEqualTo(25);
        ScoreComponent unknown = scorer.score(Facts.client().build(), TODAY).component("size");
        assertThat(unknown.points()).isZero();
        assertThat(unknown.en()).contains("unknown");
    }

    @Test
    void explanationsCarryTheFiguresInBothLanguages() {
        ValueScore score = scorer.score(Facts.steadyClient().build(), TODAY);
        assertThat(score.component("size").en()).contains("CNY 200M", "800 employees");
        assertThat(score.component("size").zh()).contains("2.0 亿元", "800 人");
        assertThat(score.component("volume").en()).contains("CNY 20.0M");
        assertThat(score.component("volume").zh()).contains("2000 万元");
        assertThat(score.component("frequency").en()).isEqualTo("12 transactions in the last 12 months");
        assertThat(score.component("frequency").zh()).isEqualTo("近 12 个月交易 12 笔");
    }

    @Test
    void steadyMidSizedClientLandsInTheKeyRange() {
        assertThat(score(Facts.steadyClient())).isBetween(55, 74);
    }

    @Test
    void weightsNotSummingTo100AreRescaled() {
        ValueWeights defaults = ValueWeights.defaults();
        ValueWeights doubled = new ValueWeights(50, 60, 30, 30, 30, defaults.revenueFloor(), defaults.revenueFull(),
                defaults.employeesFloor(), defaults.employeesFull(), defaults.revenueShare(), defaults.volumeFloor(),
                defaults.volumeFull(), defaults.frequencyFull(), defaults.tenureFullYears(), defaults.growthFloor(),
                defaults.growthFull(), defaults.youngPotentialBase());
        ValueScore score = new ValueScorer(doubled).score(Facts.steadyClient().build(), TODAY);
        int sum = score.components().stream().mapToInt(ScoreComponent::points).sum();
        assertThat(score.score()).isEqualTo(Math.round(sum / 2.0f)).isBetween(0, 100);
    }

    @Test
    void invalidWeightsAreRejected() {
        assertThatThrownBy(() -> new ValueWeights(-1, 30, 15, 15, 15, 1e6, 1e10, 10, 10_000, 0.7, 1e5, 1e9, 60, 5, -0.5,
                0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValueWeights(25, 30, 15, 15, 15, 1e10, 1e6, 10, 10_000, 0.7, 1e5, 1e9, 60, 5, -0.5,
                0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValueWeights(25, 30, 15, 15, 15, 1e6, 1e10, 10, 10_000, 1.5, 1e5, 1e9, 60, 5, -0.5,
                0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomClientsAlwaysScoreWithinBounds() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Facts facts = Facts.client()
                    .revenue(random.nextBoolean() ? Math.pow(10, random.nextDouble() * 13) : 0)
                    .employees(random.nextBoolean() ? random.nextInt(200_000) : null)
                    .created(TODAY.minusDays(random.nextInt(10_000) - 100))
                    .tx12m(random.nextInt(500), random.nextDouble() * 1e11)
                    .txPrev12m(random.nextInt(500), random.nextBoolean() ? 0 : random.nextDouble() * 1e11);
            ValueScore score = scorer.score(facts.build(), TODAY);
            assertThat(score.score()).isBetween(0, 100);
            assertThat(score.components()).allSatisfy(c -> assertThat(c.points()).isBetween(0, c.max()));
        }
    }

    private void assertNonDecreasing(DoubleFunction<Facts> facts, double from, double to) {
        int previous = -1;
        for (int step = 0; step <= 400; step++) {
            double value = step == 0 ? from : Math.max(from, 1) * Math.pow(to / Math.max(from, 1), step / 400.0);
            int s = score(facts.apply(value));
            assertThat(s).as("score at %s", value).isGreaterThanOrEqualTo(previous).isBetween(0, 100);
            previous = s;
        }
    }
}

package org.rapport.accounts.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TierPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private final TierPolicy policy = new TierPolicy(TierThresholds.defaults());

    @ParameterizedTest
    @CsvSource({"100, core", "75, core", "74, key", "55, key", "54, standard", "30, standard", "29, prospect",
            "0, prospect"})
    void thresholdEdges(int score, String tier) {
        TierDecision decision = policy.decide(score, null, null, TODAY);
        assertThat(decision.tier()).isEqualTo(tier);
        assertThat(decision.basis()).isEqualTo(TierDecision.Basis.SCORE);
        assertThat(decision.changed()).isTrue();
    }

    @Test
    void defaultsAreCoreKeyStandardProspect() {
        TierThresholds defaults = TierThresholds.defaults();
        assertThat(defaults.order()).containsExactly("core", "key", "standard", "prospect");
        assertThat(defaults.levels()).extracting(TierLevel::minScore).containsExactly(75, 55, 30);
        assertThat(defaults.hysteresis()).isEqualTo(3);
    }

    @Test
    void reasonStatesScoreAndThreshold() {
        TierDecision core = policy.decide(78, "core", null, TODAY);
        assertThat(core.changed()).isFalse();
        assertThat(core.reasonEn()).isEqualTo("Value score 78 reaches core (≥ 75)");
        assertThat(core.reasonZh()).isEqualTo("价值评分 78，达到核心客户标准（≥ 75）");
        TierDecision prospect = policy.decide(12, null, null, TODAY);
        assertThat(prospect.reasonEn()).isEqualTo("Value score 12 is below standard (30): prospect");
        assertThat(prospect.reasonZh()).contains("12", "30", "潜在客户");
    }

    @ParameterizedTest
    @CsvSource({"core, 74, core", "core, 72, core", "core, 71, key", "key, 52, key", "key, 51, standard",
            "standard, 27, standard", "standard, 26, prospect"})
    void clientDropsOnlyWhenScoreIsBelowTheHysteresisBand(String current, int score, String expected) {
        assertThat(policy.decide(score, current, null, TODAY).tier()).isEqualTo(expected);
    }

    @Test
    void heldTierIsMarkedAndExplained() {
        TierDecision decision = policy.decide(73, "core", null, TODAY);
        assertThat(decision.basis()).isEqualTo(TierDecision.Basis.HYSTERESIS);
        assertThat(decision.changed()).isFalse();
        assertThat(decision.reasonEn()).contains("73", "75", "3-point").endsWith("stays core");
        assertThat(decision.reasonZh()).contains("73", "75", "3 分缓冲区", "保持核心客户");
    }

    @Test
    void coreClientFallingFarLandsInTheBandOfALowerTier() {
        TierDecision decision = policy.decide(53, "core", null, TODAY);
        assertThat(decision.tier()).isEqualTo("key");
        assertThat(decision.basis()).isEqualTo(TierDecision.Basis.HYSTERESIS);
        assertThat(decision.changed()).isTrue();
        assertThat(policy.decide(40, "core", null, TODAY).tier()).isEqualTo("standard");
    }

    @Test
    void upgradesAreImmediate() {
        assertThat(policy.decide(55, "standard", null, TODAY).tier()).isEqualTo("key");
        assertThat(policy.decide(54, "standard", null, TODAY).tier()).isEqualTo("standard");
        assertThat(policy.decide(75, "prospect", null, TODAY).tier()).isEqualTo("core");
    }

    @Test
    void noHysteresisWithoutAKnownCurrentTierOrWithZeroBand() {
        assertThat(policy.decide(73, null, null, TODAY).tier()).isEqualTo("key");
        assertThat(policy.decide(73, "platinum", null, TODAY).tier()).isEqualTo("key");
        TierThresholds noBand = new TierThresholds(TierThresholds.defaults().levels(), "prospect", 0);
        assertThat(new TierPolicy(noBand).decide(74, "core", null, TODAY).tier()).isEqualTo("key");
    }

    @Test
    void activeOverrideWinsOverScoreAndHysteresis() {
        TierOverride override = new TierOverride("core", "strategic partner", LocalDate.of(2025, 12, 31));
        TierDecision decision = policy.decide(20, "standard", override, TODAY);
        assertThat(decision.tier()).isEqualTo("core");
        assertThat(decision.basis()).isEqualTo(TierDecision.Basis.OVERRIDE);
        assertThat(decision.changed()).isTrue();
        assertThat(decision.reasonEn()).isEqualTo("Manual override to core (expires on 2025-12-31): strategic partner");
        assertThat(decision.reasonZh()).contains("人工指定为核心客户", "2025-12-31", "strategic partner");
        assertThat(policy.decide(73, "core", new TierOverride("prospect", "", null), TODAY).tier()).isEqualTo("prospect");
    }

    @Test
    void overrideAppliesUpToTheDayBeforeItExpires() {
        TierOverride override = new TierOverride("key", "pending merger", TODAY.plusDays(1));
        assertThat(policy.decide(10, null, override, TODAY).tier()).isEqualTo("key");
        assertThat(override.activeOn(TODAY)).isTrue();
        assertThat(override.activeOn(TODAY.plusDays(1))).isFalse();
    }

    @Test
    void expiredOverrideIsIgnoredAndTheReasonSaysSo() {
        TierOverride override = new TierOverride("core", "pending merger", TODAY);
        TierDecision decision = policy.decide(40, "core", override, TODAY);
        assertThat(decision.tier()).isEqualTo("standard");
        assertThat(decision.basis()).isEqualTo(TierDecision.Basis.SCORE);
        assertThat(decision.reasonEn()).endsWith("(manual override to core expired on 2025-06-30)");
        assertThat(decision.reasonZh()).contains("已于 2025-06-30 到期");
    }

    @Test
    void overrideWithoutExpiryNeverExpires() {
        TierOverride override = new TierOverride("key", null, null);
        assertThat(policy.decide(90, null, override, LocalDate.of(2099, 1, 1)).tier()).isEqualTo("key");
        assertThat(policy.decide(90, null, override, TODAY).reasonEn()).isEqualTo("Manual override to key (no expiry)");
    }

    @Test
    void overrideToAnUnknownTierIsRejected() {
        assertThatThrownBy(() -> policy.decide(50, null, new TierOverride("gold", "x", null), TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gold");
    }

    @Test
    void thresholdsAreSortedAndValidated() {
        TierThresholds custom = new TierThresholds(
                List.of(new TierLevel("standard", 30), new TierLevel("core", 80), new TierLevel("key", 60)), "prospect", 2);
        assertThat(custom.order()).containsExactly("core", "key", "standard", "prospect");
        assertThat(new TierPolicy(custom).tierFor(79)).isEqualTo("key");
        assertThatThrownBy(() -> new TierThresholds(List.of(new TierLevel("core", 80), new TierLevel("core", 60)),
                "prospect", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierLevel("Core", 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierLevel("core", 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.decide(101, null, null, TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flappingScoreAroundAThresholdKeepsOneTier() {
        String tier = policy.decide(76, null, null, TODAY).tier();
        for (int score : new int[] {74, 76, 73, 75, 72, 74}) {
            tier = policy.decide(score, tier, null, TODAY).tier();
            assertThat(tier).isEqualTo("core");
        }
    }
}

package org.rapport.accounts.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.accounts.internal.engine.Facts.TODAY;

import org.junit.jupiter.api.Test;

class ClientEvaluatorTest {

    private final ClientEvaluator evaluator = ClientEvaluator.withDefaults();

    @Test
    void steadyClientIsAKeyLoyalClientWithoutRisk() {
        ClientFacts facts = Facts.steadyClient().tier("key").stage("loyal").lastInteraction(TODAY.minusDays(20)).build();
        ClientEvaluation evaluation = evaluator.evaluate(facts, null, null, TODAY);
        assertThat(evaluation.tier().tier()).isEqualTo("key");
        assertThat(evaluation.tier().changed()).isFalse();
        assertThat(evaluation.churn().score()).isZero();
        assertThat(evaluation.stage().stage()).isEqualTo(Stage.LOYAL);
        assertThat(evaluation.followUp().dueOn()).isEqualTo(TODAY.plusDays(40));
    }

    @Test
    void unhappyQuietClientIsAtRiskOnTheNewTiersCadence() {
        ClientFacts facts = Facts.steadyClient().tier("core").stage("loyal").lastTx(TODAY.minusDays(75))
                .tx90d(0, 6).complaints(2, 3).survey(2.0).lastInteraction(TODAY.minusDays(75)).build();
        ClientEvaluation evaluation = evaluator.evaluate(facts, null, null, TODAY);
        assertThat(evaluation.churn().score()).isGreaterThanOrEqualTo(60);
        assertThat(evaluation.stage().stage()).isEqualTo(Stage.AT_RISK);
        assertThat(evaluation.stage().rule()).isEqualTo("churn_risk");
        assertThat(evaluation.tier().tier()).isEqualTo("key");
        assertThat(evaluation.followUp().intervalDays()).isEqualTo(60);
        assertThat(evaluation.followUp().isOverdue(TODAY)).isTrue();
        assertThat(evaluation.followUp().daysOverdue(TODAY)).isEqualTo(15);
    }

    @Test
    void sameInputsGiveTheSameEvaluation() {
        ClientFacts facts = Facts.steadyClient().complaints(1, 2).survey(6.0).build();
        assertThat(evaluator.evaluate(facts, null, null, TODAY)).isEqualTo(evaluator.evaluate(facts, null, null, TODAY));
    }
}

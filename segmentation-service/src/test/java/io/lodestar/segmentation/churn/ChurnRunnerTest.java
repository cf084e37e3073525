package io.lodestar.segmentation.churn;

import static io.lodestar.segmentation.churn.SyntheticChurnPopulation.END;
import static io.lodestar.segmentation.churn.SyntheticChurnPopulation.T1;
import static io.lodestar.segmentation.churn.SyntheticChurnPopulation.T2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.lodestar.contracts.behaviour.BehaviourType;
import smile.math.MathEx;

class ChurnRunnerTest {

    private static final ChurnRunner RUNNER = new ChurnRunner();

    @BeforeEach
    void fixSeed() {
        MathEx.setSeed(19_650_218);
    }

    @Test
    void aClearSignalGivesAHoldoutAucWellAboveChance() {
        ChurnHistory history = SyntheticChurnPopulation.generate(42, 1500).history();
        ChurnRunRequest request = new ChurnRunRequest(T1, T2, END,
                ChurnFeatureSpec.withBehaviour(30, BehaviourType.PRODUCT_VIEW), ChurnTrainingConfig.DEFAULT,
                ChurnRiskPolicy.DEFAULT);

        ChurnRunResult result = RUNNER.run(history, request, ChurnProgressListener.NONE);

        ChurnEvaluation holdout = result.holdout();
        System.out.printf("synthetic churn: training AUC %.4f (n=%d, base rate %.3f), holdout AUC %.4f (n=%d, base rate"
                + " %.3f), precision %.3f, recall %.3f at %.2f%n", result.training().auc(), result.training().customers(),
                result.training().baseRate(), holdout.auc(), holdout.customers(), holdout.baseRate(), holdout.precision(),
                holdout.recall(), holdout.decisionThreshold());
        assertThat(holdout.cutoff()).isEqualTo(T2);
        assertThat(holdout.auc()).isGreaterThan(0.75);
        assertThat(holdout.baseRate()).isBetween(0.2, 0.8);
        assertThat(holdout.precision()).isGreaterThan(holdout.baseRate());
        assertThat(holdout.recall()).isGreaterThan(0.5);
        assertThat(result.training().cutoff()).isEqualTo(T1);
        assertThat(result.model().trainingCutoff()).isEqualTo(T1);
        assertThat(result.model().coefficientsByFeature().get("recency_days")).isPositive();
        assertThat(result.scores()).hasSize(history.customerIds().size());
        assertThat(result.scores()).extracting(ChurnScore::customerId).isSorted();
    }

    @Test
    void theScoresRankLongGoneCustomersAboveRegulars() {
        List<PaidOrderEvent> orders = new ArrayList<>(SyntheticChurnPopulation.generate(42, 600).orders);
        Instant now = END;
        for (int i = 0; i < 30; i++) {
            orders.add(new PaidOrderEvent("regular", now.minus(Duration.ofDays(7L * i)), BigDecimal.TEN));
        }
        orders.add(new PaidOrderEvent("gone", now.minus(Duration.ofDays(400)), BigDecimal.TEN));
        ChurnHistory history = ChurnHistory.of(orders, List.of(), END);

        ChurnRunResult result = RUNNER.run(history, ChurnRunRequest.withDefaults(T1, END), ChurnProgressListener.NONE);

        ChurnScore gone = score(result, "gone");
        ChurnScore regular = score(result, "regular");
        assertThat(gone.probability()).isGreaterThan(regular.probability());
        assertThat(gone.level()).isEqualTo(ChurnRiskLevel.HIGH);
        assertThat(regular.level()).isEqualTo(ChurnRiskLevel.LOW);
        assertThat(gone.reason()).matches("churn probability [01]\\.\\d\\d within 90 days \\(high from 0\\.60\\)");
        assertThat(regular.reason()).matches("churn probability 0\\.\\d\\d within 90 days \\(low below 0\\.30\\)");
        assertThat(new ChurnScorer().score(result.model(), history, END, ChurnRiskPolicy.DEFAULT))
                .as("re-scoring with the stored model").isEqualTo(result.scores());
    }

    @Test
    void progressGoesThroughTheFourPhasesInOrder() {
        ChurnHistory history = SyntheticChurnPopulation.generate(42, 2100).history();
        List<ChurnPhase> phases = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();

        RUNNER.run(history, ChurnRunRequest.withDefaults(T1, END), (phase, fraction) -> {
            phases.add(phase);
            fractions.add(fraction);
        });

        assertThat(phases.stream().distinct().toList()).containsExactly(ChurnPhase.FEATURES, ChurnPhase.TRAINING,
                ChurnPhase.EVALUATION, ChurnPhase.SCORING);
        for (ChurnPhase phase : ChurnPhase.values()) {
            List<Double> ofPhase = new ArrayList<>();
            for (int i = 0; i < phases.size(); i++) {
                if (phases.get(i) == phase) {
                    ofPhase.add(fractions.get(i));
                }
            }
            assertThat(ofPhase.get(0)).as(phase + " starts").isEqualTo(0.0);
            assertThat(ofPhase.get(ofPhase.size() - 1)).as(phase + " ends").isEqualTo(1.0);
            assertThat(ofPhase).as(phase + " never goes back").isSorted();
            assertThat(ofPhase).allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        }
        assertThat(phases.stream().filter(p -> p == ChurnPhase.FEATURES).count()).as("reports between start and end")
                .isGreaterThan(2);
        assertThat(phases.stream().filter(p -> p == ChurnPhase.SCORING).count()).isGreaterThan(2);
    }

    @Test
    void aListenerThatThrowsAbortsTheRun() {
        ChurnHistory history = SyntheticChurnPopulation.generate(42, 200).history();
        IllegalStateException cancelled = new IllegalStateException("cancelled");

        assertThatThrownBy(() -> RUNNER.run(history, ChurnRunRequest.withDefaults(T1, END), (phase, fraction) -> {
            if (phase == ChurnPhase.TRAINING) {
                throw cancelled;
            }
        })).isSameAs(cancelled);
    }

    @Test
    void theLatestRequestUsesTheLastLabelledCutoffs() {
        ChurnRunRequest request = ChurnRunRequest.latest(END, ChurnFeatureSpec.PURCHASES_ONLY, ChurnTrainingConfig.DEFAULT,
                ChurnRiskPolicy.DEFAULT);

        assertThat(request.holdoutCutoff()).isEqualTo(END.minus(Duration.ofDays(90)));
        assertThat(request.trainingCutoff()).isEqualTo(END.minus(Duration.ofDays(180)));
        assertThat(request.scoringAsOf()).isEqualTo(END);
        assertThat(RUNNER.run(SyntheticChurnPopulation.generate(42, 600).history(), request, ChurnProgressListener.NONE)
                .holdout().auc()).isGreaterThan(0.75);
    }

    private static ChurnScore score(ChurnRunResult result, String customerId) {
        return result.scores().stream().filter(s -> s.customerId().equals(customerId)).findFirst().orElseThrow();
    }
}

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
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.lodestar.contracts.behaviour.BehaviourType;

/** Settings rejected before a run ({@link InvalidChurnConfigException}) and data a run cannot use ({@link ChurnRunException}). */
class ChurnValidationTest {

    private static final ChurnRunner RUNNER = new ChurnRunner();

    static Stream<Arguments> invalidSettings() {
        ChurnFeatureSpec spec = ChurnFeatureSpec.PURCHASES_ONLY;
        ChurnTrainingConfig training = ChurnTrainingConfig.DEFAULT;
        ChurnRiskPolicy risk = ChurnRiskPolicy.DEFAULT;
        return Stream.of(
                invalid("holdoutCutoff", () -> new ChurnRunRequest(T1, T1.plus(Duration.ofDays(89)), END, spec, training,
                        risk)),
                invalid("holdoutCutoff", () -> new ChurnRunRequest(T1, T1.plus(Duration.ofDays(90)).minusNanos(1), END,
                        spec, training, risk)),
                invalid("holdoutCutoff", () -> new ChurnRunRequest(T1, T1.minus(Duration.ofDays(1)), END, spec, training,
                        risk)),
                invalid("holdoutCutoff", () -> new ChurnRunRequest(T1, T1.plus(Duration.ofDays(29)), END, spec,
                        new ChurnTrainingConfig(30, 10, 0.1, 1e-5, 500), risk)),
                invalid("trainingCutoff", () -> new ChurnRunRequest(null, T2, END, spec, training, risk)),
                invalid("holdoutCutoff", () -> new ChurnRunRequest(T1, null, END, spec, training, risk)),
                invalid("scoringAsOf", () -> new ChurnRunRequest(T1, T2, null, spec, training, risk)),
                invalid("features", () -> new ChurnRunRequest(T1, T2, END, null, training, risk)),
                invalid("training", () -> new ChurnRunRequest(T1, T2, END, spec, null, risk)),
                invalid("risk", () -> new ChurnRunRequest(T1, T2, END, spec, training, null)),
                invalid("training.horizonDays", () -> new ChurnTrainingConfig(0, 10, 0.1, 1e-5, 500)),
                invalid("training.minPerClass", () -> new ChurnTrainingConfig(90, 0, 0.1, 1e-5, 500)),
                invalid("training.l2Lambda", () -> new ChurnTrainingConfig(90, 10, -0.1, 1e-5, 500)),
                invalid("training.l2Lambda", () -> new ChurnTrainingConfig(90, 10, Double.NaN, 1e-5, 500)),
                invalid("training.tolerance", () -> new ChurnTrainingConfig(90, 10, 0.1, 0, 500)),
                invalid("training.maxIterations", () -> new ChurnTrainingConfig(90, 10, 0.1, 1e-5, 0)),
                invalid("risk.decisionThreshold", () -> new ChurnRiskPolicy(0, 0.3, 0.6)),
                invalid("risk.decisionThreshold", () -> new ChurnRiskPolicy(1.01, 0.3, 0.6)),
                invalid("risk.mediumFrom", () -> new ChurnRiskPolicy(0.5, 0, 0.6)),
                invalid("risk.highFrom", () -> new ChurnRiskPolicy(0.5, 0.6, 0.6)),
                invalid("risk.highFrom", () -> new ChurnRiskPolicy(0.5, 0.3, 1.1)),
                invalid("features.behaviourTypes", () -> new ChurnFeatureSpec(null, 30)),
                invalid("features.behaviourTypes",
                        () -> ChurnFeatureSpec.withBehaviour(30, BehaviourType.SEARCH, BehaviourType.SEARCH)),
                invalid("features.behaviourWindowDays", () -> ChurnFeatureSpec.withBehaviour(0, BehaviourType.SEARCH)));
    }

    private static Arguments invalid(String field, ThrowingCallable setting) {
        return Arguments.of(field, setting);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingsNameTheField(String field, ThrowingCallable setting) {
        assertThatThrownBy(setting).isInstanceOfSatisfying(InvalidChurnConfigException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessageStartingWith(field + " ");
    }

    @Test
    void theCutoffOrderMessageSaysWhy() {
        assertThatThrownBy(() -> new ChurnRunRequest(T1, T1.plus(Duration.ofDays(30)), END, ChurnFeatureSpec.PURCHASES_ONLY,
                ChurnTrainingConfig.DEFAULT, ChurnRiskPolicy.DEFAULT))
                .hasMessage("holdoutCutoff must be at least 90 days (the label horizon) after trainingCutoff "
                        + "2024-04-01T00:00:00Z, i.e. at or after 2024-06-30T00:00:00Z, so that the training labels never "
                        + "read the holdout's orders; was 2024-05-01T00:00:00Z");
        assertThat(ChurnRunRequest.withDefaults(T1, END).holdoutCutoff()).isEqualTo(T2);
    }

    @Test
    void labelsPastTheEndOfTheHistoryAreRefused() {
        ChurnHistory history = ChurnHistory.of(SyntheticChurnPopulation.generate(1, 100).orders.stream()
                .filter(o -> !o.paidAt().isAfter(T2)).toList(), List.of(), T2.plus(Duration.ofDays(89)));

        assertFailure(() -> RUNNER.run(history, ChurnRunRequest.withDefaults(T1, history.historyEnd()),
                ChurnProgressListener.NONE), ChurnRunFailure.LABELS_NOT_OBSERVED, ChurnPhase.FEATURES,
                "the holdout cutoff 2024-06-30T00:00:00Z needs orders up to 2024-09-28T00:00:00Z for its 90-day labels, but"
                        + " the history ends at 2024-09-27T00:00:00Z");
    }

    @Test
    void scoringPastTheEndOfTheHistoryIsRefused() {
        ChurnHistory history = SyntheticChurnPopulation.generate(1, 100).history();

        assertFailure(() -> RUNNER.run(history, ChurnRunRequest.withDefaults(T1, END.plusSeconds(1)),
                ChurnProgressListener.NONE), ChurnRunFailure.SCORING_AFTER_HISTORY_END, ChurnPhase.FEATURES, "cannot score");
        assertFailure(() -> new ChurnScorer().score(model(), history, END.plusSeconds(1), ChurnRiskPolicy.DEFAULT),
                ChurnRunFailure.SCORING_AFTER_HISTORY_END, ChurnPhase.SCORING, "the history ends at");
    }

    @Test
    void aPopulationWhereNobodyChurnsCannotBeTrained() {
        List<PaidOrderEvent> orders = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            for (Instant t = SyntheticChurnPopulation.START; t.isBefore(END); t = t.plus(Duration.ofDays(10 + c % 7))) {
                orders.add(new PaidOrderEvent("c" + c, t, BigDecimal.TEN));
            }
        }

        assertFailure(() -> run(orders), ChurnRunFailure.TOO_FEW_POSITIVES, ChurnPhase.TRAINING,
                "the training set at cutoff 2024-04-01T00:00:00Z has 0 churned customers (no paid order in the following 90"
                        + " days) among 50; at least 10 are needed");
    }

    @Test
    void aPopulationWhereEverybodyChurnsCannotBeTrained() {
        List<PaidOrderEvent> orders = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            orders.add(new PaidOrderEvent("c" + c, SyntheticChurnPopulation.START.plus(Duration.ofDays(c)), BigDecimal.TEN));
        }
        for (int c = 0; c < 9; c++) { // nine retained: one short of the minimum
            orders.add(new PaidOrderEvent("c" + c, T1.plus(Duration.ofDays(30)), BigDecimal.TEN));
        }

        assertFailure(() -> run(orders), ChurnRunFailure.TOO_FEW_NEGATIVES, ChurnPhase.TRAINING,
                "has 9 retained customers (a paid order in the following 90 days) among 50; at least 10 are needed");
    }

    @Test
    void aHoldoutWithoutRetainedCustomersCannotBeEvaluated() {
        // a healthy shop until everybody stops ordering right after the holdout cutoff
        List<PaidOrderEvent> orders = SyntheticChurnPopulation.generate(42, 600).orders.stream()
                .filter(o -> !o.paidAt().isAfter(T2)).toList();

        assertFailure(() -> run(orders), ChurnRunFailure.TOO_FEW_NEGATIVES, ChurnPhase.EVALUATION,
                "the holdout set at cutoff 2024-06-30T00:00:00Z has 0 retained customers");
    }

    @Test
    void customersOnlyAfterTheCutoffLeaveNothingToTrainOn() {
        List<PaidOrderEvent> orders = List.of(new PaidOrderEvent("late", T1.plusSeconds(1), BigDecimal.ONE));

        assertFailure(() -> run(orders), ChurnRunFailure.NO_CUSTOMERS, ChurnPhase.TRAINING,
                "the training set at cutoff 2024-04-01T00:00:00Z is empty");
    }

    @Test
    void riskLevelsAndTheDecisionThresholdHaveClosedLowerBounds() {
        ChurnRiskPolicy policy = ChurnRiskPolicy.DEFAULT;

        assertThat(policy.level(0)).isEqualTo(ChurnRiskLevel.LOW);
        assertThat(policy.level(Math.nextDown(0.3))).isEqualTo(ChurnRiskLevel.LOW);
        assertThat(policy.level(0.3)).isEqualTo(ChurnRiskLevel.MEDIUM);
        assertThat(policy.level(Math.nextDown(0.6))).isEqualTo(ChurnRiskLevel.MEDIUM);
        assertThat(policy.level(0.6)).isEqualTo(ChurnRiskLevel.HIGH);
        assertThat(policy.level(1)).isEqualTo(ChurnRiskLevel.HIGH);
        assertThat(policy.predictsChurn(0.5)).isTrue();
        assertThat(policy.predictsChurn(Math.nextDown(0.5))).isFalse();
        assertThatThrownBy(() -> policy.level(Double.NaN)).hasMessageContaining("[0, 1]");
        assertThat(ChurnScore.of("c", 0.8234, 90, policy).reason())
                .isEqualTo("churn probability 0.82 within 90 days (high from 0.60)");
        assertThat(ChurnScore.of("c", 0.45, 90, policy).reason())
                .isEqualTo("churn probability 0.45 within 90 days (medium from 0.30)");
        assertThat(ChurnScore.of("c", 0.1, 90, policy).reason())
                .isEqualTo("churn probability 0.10 within 90 days (low below 0.30)");
        assertThat(ChurnRiskLevel.values()).extracting(ChurnRiskLevel::wireName).containsExactly("low", "medium", "high");
    }

    @Test
    void precisionAndRecallOnAHandCheckedCase() {
        double[] p = {0.9, 0.8, 0.6, 0.4, 0.3, 0.1};
        int[] labels = {1, 0, 1, 1, 0, 0};

        ChurnEvaluation at50 = ChurnEvaluation.of(T1, p, labels, 0.5);
        ChurnEvaluation atNinetyFive = ChurnEvaluation.of(T1, p, labels, 0.95);

        assertThat(at50).isEqualTo(new ChurnEvaluation(T1, 6, 3, 0.5, 7.0 / 9, 0.5, 2, 1, 1, 2, 2.0 / 3, 2.0 / 3));
        assertThat(atNinetyFive.truePositives() + atNinetyFive.falsePositives()).isZero();
        assertThat(atNinetyFive.precision()).isZero();
        assertThat(atNinetyFive.recall()).isZero();
        assertThat(ChurnEvaluation.of(T1, p, labels, 0.6).truePositives()).as("the threshold itself predicts churn")
                .isEqualTo(2);
    }

    private static ChurnRunResult run(List<PaidOrderEvent> orders) {
        return RUNNER.run(ChurnHistory.of(orders, List.of(), END), ChurnRunRequest.withDefaults(T1, END),
                ChurnProgressListener.NONE);
    }

    private static ChurnModel model() {
        return new ChurnModel(ChurnFeatureSpec.PURCHASES_ONLY, T1, 90, new double[8], ones(8), new double[8], 0);
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private static void assertFailure(ThrowingCallable run, ChurnRunFailure failure, ChurnPhase phase, String message) {
        assertThatThrownBy(run).isInstanceOfSatisfying(ChurnRunException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.phase()).isEqualTo(phase);
        }).hasMessageContaining(message);
    }
}

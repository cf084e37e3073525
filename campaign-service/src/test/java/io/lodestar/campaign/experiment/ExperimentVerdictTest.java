package io.lodestar.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExperimentVerdictTest {

    private static final double ALPHA = 0.05;
    private static final int MIN_TRIALS = 100;

    private final ExperimentVerdict verdicts = new ExperimentVerdict();

    /** Groups in the order given, as a design would list them. */
    private static Map<String, Counts> groups(Object... nameSuccessesTrials) {
        Map<String, Counts> groups = new LinkedHashMap<>();
        for (int i = 0; i < nameSuccessesTrials.length; i += 3) {
            groups.put((String) nameSuccessesTrials[i], new Counts(((Number) nameSuccessesTrials[i + 1]).longValue(),
                    ((Number) nameSuccessesTrials[i + 2]).longValue()));
        }
        return groups;
    }

    private Verdict decide(Map<String, Counts> groups) {
        return verdicts.decide(groups, ALPHA, MIN_TRIALS);
    }

    @Test
    void aSignificantlyBetterVariantWins() {
        // 20% vs 15% on 1000 each: z = 2.94, p = 0.0033 < 0.05.
        Verdict verdict = decide(groups("control", 150, 1000, "B", 200, 1000));

        assertThat(verdict.outcome()).isEqualTo(Outcome.WINNER);
        assertThat(verdict.winner()).isEqualTo("B");
        assertThat(verdict.best()).isEqualTo("B");
        assertThat(verdict.baseline()).isEqualTo("control");
        assertThat(verdict.comparedWithControl()).isTrue();
        assertThat(verdict.correctedAlpha()).isEqualTo(0.05);
        assertThat(verdict.comparisons().get("B").pValue()).isCloseTo(0.0032562696284120737, within(1e-14));
        assertThat(verdict.summary())
                .isEqualTo("Variant B converts 20.0% vs control 15.0% (+33.3%, p=0.003): B wins.");
    }

    @Test
    void bonferroniTurnsAOneVariantWinIntoNoWinnerWithTwoVariants() {
        // 18.5% vs 15%: p = 0.036, below 0.05 on its own but not below 0.05 / 2 = 0.025.
        assertThat(decide(groups("control", 150, 1000, "B", 185, 1000)).outcome()).isEqualTo(Outcome.WINNER);

        Verdict verdict = decide(groups("control", 150, 1000, "A", 150, 1000, "B", 185, 1000));
        assertThat(verdict.outcome()).isEqualTo(Outcome.NO_SIGNIFICANT_WINNER);
        assertThat(verdict.winner()).isNull();
        assertThat(verdict.best()).isEqualTo("B");
        assertThat(verdict.correctedAlpha()).isEqualTo(0.025);
        assertThat(verdict.summary())
                .isEqualTo("No variant differs significantly from control (best: B, p=0.036, needs p<0.025).");
    }

    @Test
    void theCorrectedLevelIsAlsoTheIntervalsLevel() {
        Verdict verdict = decide(groups("control", 150, 1000, "A", 150, 1000, "B", 185, 1000));
        assertThat(verdict.comparisons().get("B").confidence()).isEqualTo(0.975);
    }

    @Test
    void anInsignificantDifferenceIsStatedAsNoWinner() {
        // 17% vs 15%: p = 0.2225.
        Verdict verdict = decide(groups("control", 150, 1000, "B", 170, 1000));
        assertThat(verdict.outcome()).isEqualTo(Outcome.NO_SIGNIFICANT_WINNER);
        assertThat(verdict.summary())
                .isEqualTo("No variant differs significantly from control (best: B, p=0.223, needs p<0.05).");
    }

    @Test
    void aSignificantlyWorseBestVariantDoesNotWin() {
        Verdict verdict = decide(groups("control", 200, 1000, "A", 150, 1000));
        assertThat(verdict.outcome()).isEqualTo(Outcome.NO_SIGNIFICANT_WINNER);
        assertThat(verdict.winner()).isNull();
        assertThat(verdict.best()).isEqualTo("A");
        assertThat(verdict.summary())
                .isEqualTo("No variant beats control: the best, A, converts 15.0% vs 20.0% (-25.0%, p=0.003).");
    }

    @Test
    void onlyTheTopConverterCanWinEvenIfALowerOneIsSignificant() {
        // B converts 18% on 200 customers (p = 0.24); C 16.4% on 100,000 (p = 0.0003). C is not promoted past B.
        Verdict verdict = decide(groups("control", 1500, 10_000, "B", 36, 200, "C", 16_400, 100_000));
        assertThat(verdict.comparisons().get("C").pValue()).isLessThan(0.001);
        assertThat(verdict.outcome()).isEqualTo(Outcome.NO_SIGNIFICANT_WINNER);
        assertThat(verdict.best()).isEqualTo("B");
        assertThat(verdict.summary())
                .isEqualTo("No variant differs significantly from control (best: B, p=0.240, needs p<0.025).");
    }

    @Test
    void equalRatesAreBrokenByTheStrongerEvidence() {
        // Both 18% vs 15%; C has ten times the customers, so the smaller p-value (1.1e-8 against 0.012).
        Verdict verdict = decide(groups("control", 1500, 10_000, "B", 180, 1000, "C", 1800, 10_000));
        assertThat(verdict.outcome()).isEqualTo(Outcome.WINNER);
        assertThat(verdict.winner()).isEqualTo("C");
        assertThat(verdict.summary())
                .isEqualTo("Variant C converts 18.0% vs control 15.0% (+20.0%, p<0.001): C wins.");
    }

    @Test
    void againstAZeroControlRateTheLiftIsGivenInPoints() {
        Verdict verdict = decide(groups("control", 0, 1000, "B", 20, 1000));
        assertThat(verdict.outcome()).isEqualTo(Outcome.WINNER);
        assertThat(verdict.summary()).isEqualTo("Variant B converts 2.0% vs control 0.0% (+2.0 pts, p<0.001): B wins.");
    }

    @Test
    void untestableDataIsNoWinnerWithTheReason() {
        Verdict verdict = decide(groups("control", 0, 500, "A", 0, 500));
        assertThat(verdict.outcome()).isEqualTo(Outcome.NO_SIGNIFICANT_WINNER);
        assertThat(verdict.summary()).isEqualTo(
                "No variant differs significantly from control (best: A, not testable: no trial converted in either group).");
    }

    @Test
    void smallGroupsGiveInsufficientDataButStillShowTheirComparisons() {
        Verdict verdict = decide(groups("control", 12, 80, "A", 20, 120, "B", 10, 50));
        assertThat(verdict.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
        assertThat(verdict.winner()).isNull();
        assertThat(verdict.comparisons()).containsOnlyKeys("A", "B");
        assertThat(verdict.best()).isEqualTo("B");
        assertThat(verdict.summary()).isEqualTo(
                "Not enough data yet: control has 80 trials, B has 50 trials, but every group needs at least 100.");
    }

    @Test
    void aSignificantResultOnTooFewTrialsIsStillInsufficient() {
        // 25% vs 15%, p = 0.009, but the variant has only 100 of the 150 trials asked for.
        Verdict verdict = verdicts.decide(groups("control", 150, 1000, "B", 25, 100), ALPHA, 150);
        assertThat(verdict.comparisons().get("B").pValue()).isLessThan(0.01);
        assertThat(verdict.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
        assertThat(verdict.summary())
                .isEqualTo("Not enough data yet: B has 100 trials, but every group needs at least 150.");
    }

    @Test
    void aControlWithoutVariantsIsInsufficientData() {
        Verdict verdict = decide(groups("control", 150, 1000, "holdout", 30, 300));
        assertThat(verdict.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
        assertThat(verdict.comparisons()).isEmpty();
        assertThat(verdict.best()).isNull();
        assertThat(verdict.summary()).isEqualTo("Only the control group has data, so there is no variant to compare yet.");
    }

    @Test
    void withoutControlVariantsAreComparedWithTheFirstOne() {
        Verdict verdict = decide(groups("A", 150, 1000, "B", 200, 1000));
        assertThat(verdict.outcome()).isEqualTo(Outcome.WINNER);
        assertThat(verdict.winner()).isEqualTo("B");
        assertThat(verdict.baseline()).isEqualTo("A");
        assertThat(verdict.comparedWithControl()).isFalse();
        assertThat(verdict.comparisons()).containsOnlyKeys("B");
        assertThat(verdict.summary()).isEqualTo("With no control group, variants are compared with the first variant, A; "
                + "variant B converts 20.0% vs A 15.0% (+33.3%, p=0.003): B wins.");
    }

    @Test
    void withoutControlTheOtherOutcomesNameTheBaselineToo() {
        Verdict none = decide(groups("A", 150, 1000, "B", 170, 1000, "C", 160, 1000));
        assertThat(none.outcome()).isEqualTo(Outcome.NO_SIGNIFICANT_WINNER);
        assertThat(none.correctedAlpha()).isEqualTo(0.025);
        assertThat(none.summary()).isEqualTo("With no control group, variants are compared with the first variant, A; "
                + "no variant differs significantly from A (best: B, p=0.223, needs p<0.025).");

        Verdict small = decide(groups("A", 15, 100, "B", 5, 20));
        assertThat(small.outcome()).isEqualTo(Outcome.INSUFFICIENT_DATA);
        assertThat(small.summary()).isEqualTo("With no control group, variants are compared with the first variant, A; "
                + "not enough data yet: B has 20 trials, but every group needs at least 100.");
    }

    @Test
    void withoutControlAndFewerThanTwoVariantsThereIsNothingToCompare() {
        Verdict one = decide(groups("A", 150, 1000, "holdout", 10, 100));
        assertThat(one.outcome()).isEqualTo(Outcome.NO_CONTROL);
        assertThat(one.baseline()).isNull();
        assertThat(one.comparisons()).isEmpty();
        assertThat(one.summary())
                .isEqualTo("There is no control group and only one variant (A), so there is nothing to compare it with.");

        Verdict empty = decide(groups());
        assertThat(empty.outcome()).isEqualTo(Outcome.NO_CONTROL);
        assertThat(empty.summary()).isEqualTo("There is no control group and no variant, so there is nothing to compare.");
    }

    @Test
    void theHoldoutDoesNotTakePartInTheComparison() {
        Verdict without = decide(groups("control", 150, 1000, "B", 200, 1000));
        Verdict with = decide(groups("holdout", 500, 1000, "control", 150, 1000, "B", 200, 1000));
        assertThat(with).isEqualTo(without);
    }

    @Test
    void comparisonsKeepTheGivenOrderAndCannotBeChanged() {
        Verdict verdict = decide(groups("control", 150, 1000, "Z", 160, 1000, "A", 170, 1000, "M", 150, 1000));
        assertThat(verdict.comparisons().keySet()).containsExactly("Z", "A", "M");
        assertThatThrownBy(() -> verdict.comparisons().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void argumentsAreChecked() {
        Map<String, Counts> valid = groups("control", 150, 1000, "B", 200, 1000);
        assertThatThrownBy(() -> verdicts.decide(null, ALPHA, MIN_TRIALS)).hasMessage("byGroup must not be null");
        Map<String, Counts> nullCounts = new HashMap<>();
        nullCounts.put("B", null);
        assertThatThrownBy(() -> verdicts.decide(nullCounts, ALPHA, MIN_TRIALS))
                .hasMessage("every group needs a name and counts");
        assertThatThrownBy(() -> verdicts.decide(Map.of(" ", new Counts(1, 10)), ALPHA, MIN_TRIALS))
                .hasMessage("every group needs a name and counts");
        assertThatThrownBy(() -> verdicts.decide(valid, ALPHA, 0))
                .hasMessage("minTrialsPerGroup must be at least 1 but was 0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, 1.5, Double.NaN})
    void alphaMustBeAProperFraction(double alpha) {
        Map<String, Counts> valid = groups("control", 150, 1000, "B", 200, 1000);
        assertThatThrownBy(() -> verdicts.decide(valid, alpha, MIN_TRIALS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha must be strictly between 0 and 1");
    }

    @Test
    void countsRefuseImpossibleValues() {
        assertThatThrownBy(() -> new Counts(11, 10)).hasMessage("successes (11) exceed trials (10)");
        assertThatThrownBy(() -> new Counts(-1, 10)).hasMessage("counts must not be negative");
        assertThatThrownBy(() -> new Counts(0, -1)).hasMessage("counts must not be negative");
    }
}

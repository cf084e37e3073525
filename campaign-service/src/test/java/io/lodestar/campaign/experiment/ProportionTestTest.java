package io.lodestar.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProportionTestTest {

    @Test
    void textbookCaseTwentyAgainstFifteenPercent() {
        // Pooled rate 350/2000 = 0.175; SE = sqrt(0.175 * 0.825 * (1/1000 + 1/1000)) = sqrt(0.00028875) = 0.016993;
        // z = 0.05 / 0.016993 = 2.9424, two-sided p = 2 * (1 - Φ(2.9424)) = 0.00326.
        Comparison result = ProportionTest.compare(200, 1000, 150, 1000);

        assertThat(result.testable()).isTrue();
        assertThat(result.reason()).isNull();
        assertThat(result.rateVariant()).isEqualTo(0.20);
        assertThat(result.rateControl()).isEqualTo(0.15);
        assertThat(result.absoluteLift()).isCloseTo(0.05, within(1e-15));
        assertThat(result.relativeLift()).isCloseTo(1.0 / 3.0, within(1e-15));
        assertThat(result.z()).isCloseTo(2.942449431682498, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.0032562696284120737, within(1e-14));
        // Wald: SE = sqrt(0.2 * 0.8 / 1000 + 0.15 * 0.85 / 1000) = 0.0169558; 0.05 -+ 1.959964 * 0.0169558.
        assertThat(result.confidence()).isEqualTo(0.95);
        assertThat(result.ciLow()).isCloseTo(0.016767193754520805, within(1e-12));
        assertThat(result.ciHigh()).isCloseTo(0.08323280624547920, within(1e-12));
        // 2000 * (200 * 850 - 800 * 150)^2 / (1000 * 1000 * 350 * 1650) = 5e12 / 5.775e11 = 8.658008658...
        assertThat(result.chiSquared()).isCloseTo(8.658008658008658, within(1e-12));
    }

    @Test
    void publishedStatsmodelsExample() {
        // statsmodels proportions_ztest documentation, "count = [5, 12], nobs = [83, 99]", p printed as 0.159
        // (https://www.statsmodels.org/stable/generated/statsmodels.stats.proportion.proportions_ztest.html);
        // the full-precision values are those asserted in statsmodels' test_proportion.py (GH 2969).
        Comparison result = ProportionTest.compare(5, 83, 12, 99);
        assertThat(result.z()).isCloseTo(-1.4078304151258787, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.15918129181156992, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({
        "200, 1000, 150, 1000",
        "5, 83, 12, 99",
        "1, 10, 9, 10",
        "480, 50000, 410, 48000",
        "3, 3000000, 17, 2500000"
    })
    void chiSquaredEqualsZSquared(long successesA, long trialsA, long successesB, long trialsB) {
        Comparison result = ProportionTest.compare(successesA, trialsA, successesB, trialsB);
        assertThat(result.chiSquared()).isCloseTo(result.z() * result.z(), within(result.chiSquared() * 1e-12));
    }

    @Test
    void swappingTheGroupsNegatesTheStatisticAndKeepsThePValue() {
        Comparison forward = ProportionTest.compare(200, 1000, 150, 1000);
        Comparison backward = ProportionTest.compare(150, 1000, 200, 1000);
        assertThat(backward.z()).isCloseTo(-forward.z(), within(1e-12));
        assertThat(backward.pValue()).isCloseTo(forward.pValue(), within(1e-15));
        assertThat(backward.ciLow()).isCloseTo(-forward.ciHigh(), within(1e-15));
    }

    @Test
    void theConfidenceLevelWidensOrNarrowsTheInterval() {
        // 90%: 0.05 -+ 1.6448536 * 0.0169558.
        Comparison result = ProportionTest.compare(200, 1000, 150, 1000, 0.90);
        assertThat(result.confidence()).isEqualTo(0.90);
        assertThat(result.ciLow()).isCloseTo(0.022110149820186706, within(1e-12));
        assertThat(result.ciHigh()).isCloseTo(0.07788985017981330, within(1e-12));
        // The test statistic does not depend on the interval's level.
        assertThat(result.z()).isCloseTo(2.942449431682498, within(1e-12));
    }

    @Test
    void aZeroControlRateLeavesTheRelativeLiftUndefinedButIsStillTestable() {
        // Pooled 10/200 = 0.05; z = 0.1 / sqrt(0.05 * 0.95 * 0.02) = 3.2444.
        Comparison result = ProportionTest.compare(10, 100, 0, 100);
        assertThat(result.relativeLift()).isNull();
        assertThat(result.absoluteLift()).isCloseTo(0.10, within(1e-15));
        assertThat(result.testable()).isTrue();
        assertThat(result.z()).isCloseTo(3.2444284226152508, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.0011768659106247396, within(1e-14));
    }

    @Test
    void groupsWithoutTrialsAreNotTestable() {
        assertUntestable(ProportionTest.compare(0, 0, 15, 100), "the variant has no trials");
        assertUntestable(ProportionTest.compare(15, 100, 0, 0), "the control group has no trials");
        assertUntestable(ProportionTest.compare(0, 0, 0, 0), "neither group has any trials");

        Comparison noControl = ProportionTest.compare(15, 100, 0, 0);
        assertThat(noControl.rateVariant()).isEqualTo(0.15);
        assertThat(noControl.relativeLift()).isNull();
        // Nothing is known about the difference: the interval is every possible difference.
        assertThat(noControl.ciLow()).isEqualTo(-1.0);
        assertThat(noControl.ciHigh()).isEqualTo(1.0);
    }

    @Test
    void aPooledRateOfZeroOrOneIsNotTestable() {
        Comparison none = ProportionTest.compare(0, 500, 0, 400);
        assertUntestable(none, "no trial converted in either group");
        assertThat(none.ciLow()).isZero();
        assertThat(none.ciHigh()).isZero();

        Comparison all = ProportionTest.compare(500, 500, 400, 400);
        assertUntestable(all, "every trial converted in both groups");
        assertThat(all.relativeLift()).isZero();
    }

    private static void assertUntestable(Comparison result, String reason) {
        assertThat(result.testable()).isFalse();
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.z()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.chiSquared()).isZero();
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> ProportionTest.compare(11, 10, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variant successes (11) exceed trials (10)");
        assertThatThrownBy(() -> ProportionTest.compare(1, 10, -1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("control counts must not be negative");
        assertThatThrownBy(() -> ProportionTest.compare(1, -10, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variant counts must not be negative");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.5, Double.NaN})
    void theConfidenceMustBeAProperFraction(double confidence) {
        assertThatThrownBy(() -> ProportionTest.compare(1, 10, 1, 10, confidence))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confidence must be strictly between 0 and 1");
    }
}

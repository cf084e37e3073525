package io.lodestar.campaign.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalTest {

    @Test
    void cdfMatchesTabulatedValuesToTwelveDigits() {
        assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
        assertThat(Normal.cdf(-3.0)).isCloseTo(0.0013498980316301, within(1e-15));
        assertThat(Normal.cdf(0.5)).isCloseTo(0.6914624612740131, within(1e-15));
        assertThat(Normal.cdf(0.0)).isEqualTo(0.5);
    }

    /**
     * One point in each of Cody's three ranges and in both tails, against mpmath's ncdf at 40 significant digits.
     * Checked relative to the value, because the point of the algorithm is tail accuracy: an absolute 1e-9 would
     * accept 0 for Φ(-8). (scipy's norm.cdf is itself off by 1e-13 at -37, so it is not used as the reference.)
     */
    @ParameterizedTest
    @CsvSource({
        "-1.0, 0.15865525393145705",
        "1.0, 0.84134474606854295",
        "0.3, 0.61791142218895263",
        "2.5, 0.99379033467422386",
        "-6.0, 9.8658764503769814e-10",
        "-8.0, 6.2209605742717841e-16",
        "-10.0, 7.6198530241605261e-24",
        "-20.0, 2.7536241186062337e-89",
        "-37.0, 5.7255712225245768e-300",
        "7.0, 0.99999999999872019"
    })
    void cdfHasFullRelativePrecisionInEveryRange(double x, double expected) {
        assertThat(Normal.cdf(x)).isCloseTo(expected, within(Math.abs(expected) * 1e-13));
    }

    @Test
    void cdfIsSymmetric() {
        for (double x = 0.05; x < 8; x += 0.37) {
            assertThat(Normal.cdf(x) + Normal.cdf(-x)).isCloseTo(1.0, within(1e-15));
        }
    }

    @Test
    void cdfSaturatesBeyondTheRepresentableRangeAndPropagatesNaN() {
        assertThat(Normal.cdf(-40.0)).isZero();
        assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Normal.cdf(9.0)).isEqualTo(1.0);
        assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Normal.cdf(Double.NaN)).isNaN();
    }

    @Test
    void densityIsTheGaussianBell() {
        assertThat(Normal.density(0.0)).isCloseTo(0.3989422804014327, within(1e-16));
        assertThat(Normal.density(1.0)).isCloseTo(0.24197072451914337, within(1e-16));
        assertThat(Normal.density(-2.0)).isEqualTo(Normal.density(2.0));
    }

    @Test
    void quantileOfTheUsualConfidenceLevels() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(Normal.quantile(0.95)).isCloseTo(1.6448536269514722, within(1e-14));
        assertThat(Normal.quantile(0.5)).isCloseTo(0.0, within(1e-16));
    }

    /** Both Acklam regions (the boundary is 0.02425) and both halves, against roots of mpmath's ncdf. */
    @ParameterizedTest
    @CsvSource({
        "0.3, -0.52440051270804082",
        "0.9, 1.2815515655446006",
        "0.02425, -1.9729610513118848",
        "0.01, -2.3263478740408411",
        "0.001, -3.0902323061678135",
        "0.999, 3.0902323061678133",
        "1e-10, -6.3613409024040562",
        "1e-300, -37.047096299361199"
    })
    void quantileMatchesReferenceValues(double p, double expected) {
        assertThat(Normal.quantile(p)).isCloseTo(expected, within(Math.abs(expected) * 1e-13));
    }

    @Test
    void quantileInvertsTheCdf() {
        for (double p = 1e-12; p < 1.0; p = p < 0.01 ? p * 10 : p + 0.0137) {
            assertThat(Normal.cdf(Normal.quantile(p))).isCloseTo(p, within(Math.min(p, 1 - p) * 1e-13));
        }
    }

    @Test
    void quantileKeepsAcklamsEstimateWhereTheCdfUnderflows() {
        // Below -37.5193 Φ rounds to 0 (the result would be subnormal), so no Halley step is possible and Acklam's
        // own relative error of 1.15e-9 applies. Reference: the root of Φ(x) = 2^-1022 with mpmath at 40 digits.
        assertThat(Normal.quantile(Double.MIN_NORMAL)).isCloseTo(-37.51937934714450, within(37.52 * 1.15e-9));
        // A subnormal p carries only a few significant bits, so only the order of magnitude is meaningful; the
        // point is that the result is a finite number rather than the NaN an unguarded refinement would give.
        assertThat(Normal.quantile(Double.MIN_VALUE)).isCloseTo(-38.46705156308453, within(0.001));
    }

    @Test
    void quantileOfTheEndpointsIsInfinite() {
        assertThat(Normal.quantile(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Normal.quantile(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
    void quantileRejectsImpossibleProbabilities(double p) {
        assertThatThrownBy(() -> Normal.quantile(p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probability must be in [0, 1]");
    }
}

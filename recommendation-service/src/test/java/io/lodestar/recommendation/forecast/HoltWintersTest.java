package io.lodestar.recommendation.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

class HoltWintersTest {

    private static final double[] WEEKLY_SWING = {-20, -10, 0, 5, 10, 30, -15};
    private static final double[] WEEKLY_FACTOR = {0.8, 0.9, 1.0, 1.0, 1.1, 1.4, 0.8};

    /** 200 + 0.5·t + a weekly swing, without noise: what a good model should forecast. */
    private static double additiveTruth(int t) {
        return 200 + 0.5 * t + WEEKLY_SWING[t % 7];
    }

    private static double[] additiveSeries(int days, long seed) {
        Random noise = new Random(seed);
        double[] series = new double[days];
        for (int t = 0; t < days; t++) {
            series[t] = additiveTruth(t) + 2 * noise.nextGaussian();
        }
        return series;
    }

    private static double meanAbsolutePercentError(double[] forecast, int firstDay, IntToDoubleFunction truth) {
        double sum = 0;
        for (int h = 0; h < forecast.length; h++) {
            double actual = truth.applyAsDouble(firstDay + h);
            sum += Math.abs(forecast[h] - actual) / actual;
        }
        return sum / forecast.length;
    }

    @Test
    void additiveModelForecastsLevelTrendAndWeeklySwing() {
        HoltWinters model = HoltWinters.fit(additiveSeries(364, 42), 7, Seasonality.ADDITIVE, false);

        double[] forecast = model.forecast(28);

        assertThat(meanAbsolutePercentError(forecast, 364, HoltWintersTest::additiveTruth)).isLessThan(0.02);
        assertThat(model.trend()).isCloseTo(0.5, within(0.1));
        assertThat(model.residualSd()).isBetween(1.0, 4.0);
        // Saturday-like peak (index 5) stays above the Sunday-like trough (index 6) of the same week
        int peakStep = 5 - 364 % 7 + 1;
        assertThat(forecast[peakStep - 1]).isGreaterThan(forecast[peakStep] + 30);
    }

    @Test
    void multiplicativeModelFollowsASwingThatGrowsWithTheLevel() {
        Random noise = new Random(7);
        double[] series = new double[364];
        for (int t = 0; t < series.length; t++) {
            series[t] = (100 + 0.3 * t) * WEEKLY_FACTOR[t % 7] + noise.nextGaussian();
        }

        HoltWinters model = HoltWinters.fit(series, 7, Seasonality.MULTIPLICATIVE, false);

        assertThat(meanAbsolutePercentError(model.forecast(28), 364,
                t -> (100 + 0.3 * t) * WEEKLY_FACTOR[t % 7])).isLessThan(0.03);
        assertThat(model.seasonality()).isEqualTo(Seasonality.MULTIPLICATIVE);
    }

    @Test
    void aConstantSeriesGivesAFlatForecastWithoutError() {
        double[] constant = new double[56];
        Arrays.fill(constant, 50);

        HoltWinters model = HoltWinters.fit(constant, 7, Seasonality.ADDITIVE, false);

        double[] fifty = new double[30];
        Arrays.fill(fifty, 50);
        assertThat(model.forecast(30)).containsExactly(fifty, within(1e-9));
        assertThat(model.residualSd()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aDampedTrendFlattensTheLongHorizon() {
        double[] series = additiveSeries(364, 3);

        HoltWinters linear = HoltWinters.fit(series, 7, Seasonality.ADDITIVE, false);
        HoltWinters damped = HoltWinters.fit(series, 7, Seasonality.ADDITIVE, true);

        assertThat(damped.parameters().phi()).isBetween(0.8, 0.98);
        assertThat(linear.parameters().phi()).isEqualTo(1.0);
        assertThat(damped.forecast(180)[179]).isLessThan(linear.forecast(180)[179]);
    }

    @Test
    void theSameSeriesAlwaysGivesTheSameModel() {
        HoltWinters first = HoltWinters.fit(additiveSeries(120, 9), 7, Seasonality.ADDITIVE, true);
        HoltWinters second = HoltWinters.fit(additiveSeries(120, 9), 7, Seasonality.ADDITIVE, true);

        assertThat(second.parameters()).isEqualTo(first.parameters());
        assertThat(second.forecast(14)).containsExactly(first.forecast(14));
    }

    @Test
    void aRestoredModelForecastsExactlyLikeTheFittedOne() {
        HoltWinters fitted = HoltWinters.fit(additiveSeries(200, 5), 7, Seasonality.ADDITIVE, true);

        HoltWinters restored = HoltWinters.restore(fitted.seasonality(), fitted.parameters(), fitted.level(),
                fitted.trend(), fitted.seasonAhead(), fitted.residualSd());

        assertThat(restored.forecast(21)).containsExactly(fitted.forecast(21));
        assertThat(restored.bandHalfWidth(9, 1.96)).isEqualTo(fitted.bandHalfWidth(9, 1.96));
    }

    @Test
    void theBandWidensWithTheSquareRootOfTheStep() {
        HoltWinters model = HoltWinters.fit(additiveSeries(200, 5), 7, Seasonality.ADDITIVE, false);

        assertThat(model.bandHalfWidth(1, 2.0)).isCloseTo(2.0 * model.residualSd(), within(1e-12));
        assertThat(model.bandHalfWidth(4, 2.0)).isCloseTo(2 * model.bandHalfWidth(1, 2.0), within(1e-12));
    }

    @Test
    void rejectsSeriesShorterThanTwoSeasonsAndMultiplicativeOnZeros() {
        assertThatThrownBy(() -> HoltWinters.fit(new double[13], 7, Seasonality.ADDITIVE, false))
                .hasMessageContaining("two seasons");
        assertThatThrownBy(() -> HoltWinters.fit(new double[28], 7, Seasonality.MULTIPLICATIVE, false))
                .hasMessageContaining("positive demand");
        assertThatThrownBy(() -> HoltWinters.fit(new double[] {1, Double.NaN, 1, 1}, 2, Seasonality.ADDITIVE, false))
                .hasMessageContaining("finite");
    }
}

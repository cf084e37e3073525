package io.lodestar.recommendation.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DemandForecasterTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 6);
    private static final double[] WEEKLY_SWING = {-20, -10, 0, 5, 10, 30, -15};

    private static double truth(int day) {
        return 200 + 0.5 * day + WEEKLY_SWING[day % 7];
    }

    private static double[] noisySeries(int days) {
        Random noise = new Random(42);
        double[] series = new double[days];
        for (int t = 0; t < days; t++) {
            series[t] = truth(t) + 2 * noise.nextGaussian();
        }
        return series;
    }

    @Test
    void forecastsTheDaysAfterTheHistoryCloseToTheTruthWithASmallBacktestError() {
        DemandForecast forecast = DemandForecaster.fit(noisySeries(364), FIRST_DAY,
                ForecastParameters.defaults().withHorizonDays(28));

        assertThat(forecast.historyDays()).isEqualTo(364);
        assertThat(forecast.lastHistoryDay()).isEqualTo(FIRST_DAY.plusDays(363));
        assertThat(forecast.points()).hasSize(28);
        assertThat(forecast.points().get(0).day()).isEqualTo(FIRST_DAY.plusDays(364));
        for (int h = 0; h < 28; h++) {
            ForecastPoint point = forecast.points().get(h);
            assertThat(point.expected()).isCloseTo(truth(364 + h), within(0.03 * truth(364 + h)));
            assertThat(point.lower()).isLessThan(point.expected());
            assertThat(point.upper()).isGreaterThan(point.expected());
        }
        assertThat(forecast.holdoutDays()).isEqualTo(28);
        assertThat(forecast.backtestDays()).isEqualTo(28);
        assertThat(forecast.backtestMape()).isPresent();
        assertThat(forecast.backtestMape().getAsDouble()).isLessThan(0.03);
    }

    @Test
    void aConstantSeriesGivesAFlatForecastAndAZeroBacktestError() {
        double[] constant = new double[60];
        Arrays.fill(constant, 12);

        DemandForecast forecast = DemandForecaster.fit(constant, FIRST_DAY, ForecastParameters.defaults());

        assertThat(forecast.points()).hasSize(90).allSatisfy(point -> {
            assertThat(point.expected()).isCloseTo(12, within(1e-9));
            assertThat(point.upper() - point.lower()).isCloseTo(0, within(1e-9));
        });
        assertThat(forecast.holdoutDays()).isEqualTo(12);
        assertThat(forecast.backtestMape()).hasValueCloseTo(0.0, within(1e-9));
    }

    @Test
    void aSeriesShorterThanTwoSeasonsPlusTheHoldoutIsRefusedWithTheReason() {
        // 16 days: automatic holdout 16 / 5 = 3, so 2 × 7 + 3 = 17 are needed
        assertThatThrownBy(() -> DemandForecaster.fit(new double[16], FIRST_DAY, ForecastParameters.defaults()))
                .isInstanceOfSatisfying(InsufficientHistoryException.class, e -> {
                    assertThat(e.days()).isEqualTo(16);
                    assertThat(e.requiredDays()).isEqualTo(17);
                })
                .hasMessageContaining("two seasons of 7 days").hasMessageContaining("got 16");

        assertThatThrownBy(() -> DemandForecaster.fit(new double[40], FIRST_DAY,
                ForecastParameters.defaults().withHoldoutDays(28)))
                .isInstanceOfSatisfying(InsufficientHistoryException.class,
                        e -> assertThat(e.requiredDays()).isEqualTo(42));
    }

    @Test
    void aFallingSeriesIsClippedAtZeroInsteadOfForecastingNegativeDemand() {
        double[] falling = new double[70];
        for (int t = 0; t < falling.length; t++) {
            falling[t] = 150 - 2 * t + WEEKLY_SWING[t % 7] / 4;
        }

        DemandForecast forecast = DemandForecaster.fit(falling, FIRST_DAY, ForecastParameters.defaults());

        assertThat(forecast.model().forecast(90)[89]).isNegative();
        assertThat(forecast.points()).allSatisfy(point -> {
            assertThat(point.expected()).isNotNegative();
            assertThat(point.lower()).isNotNegative();
            assertThat(point.upper()).isNotNegative();
        });
        assertThat(forecast.points().get(89).expected()).isZero();
    }

    @Test
    void holdoutDaysWithoutDemandAreLeftOutOfTheMape() {
        double[] series = new double[42];
        Arrays.fill(series, 0, 35, 10);

        DemandForecast forecast = DemandForecaster.fit(series, FIRST_DAY,
                ForecastParameters.defaults().withHoldoutDays(7));

        assertThat(forecast.holdoutDays()).isEqualTo(7);
        assertThat(forecast.backtestDays()).isZero();
        assertThat(forecast.backtestMape()).isEmpty();
    }

    @Test
    void rejectsParametersOutsideTheirRange() {
        assertThatThrownBy(() -> ForecastParameters.defaults().withHorizonDays(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ForecastParameters.defaults().withHoldoutDays(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ForecastParameters.defaults().holdoutFor(1_000)).isEqualTo(28);
        assertThat(ForecastParameters.defaults().holdoutFor(50)).isEqualTo(10);
    }
}

package io.lodestar.recommendation.forecast;

import java.util.Objects;

/**
 * How {@link DemandForecaster} fits and forecasts.
 *
 * @param horizonDays number of future days to forecast, 1 to {@value #MAX_HORIZON_DAYS}
 * @param period      season length in days (7: weekly), at least 2
 * @param seasonality additive (default) or multiplicative
 * @param dampedTrend whether the trend flattens out over the horizon (safer for long horizons)
 * @param holdoutDays days held out at the end for the backtest; {@link #AUTOMATIC_HOLDOUT} means min(28, n / 5) for a
 *                    series of n days
 * @param intervalZ   width of the prediction band in residual standard deviations (1.96 ≈ 95 %), positive
 */
public record ForecastParameters(int horizonDays, int period, Seasonality seasonality, boolean dampedTrend,
        int holdoutDays, double intervalZ) {

    /** {@link #holdoutDays()} value that lets the forecaster choose min(28, n / 5). */
    public static final int AUTOMATIC_HOLDOUT = 0;
    public static final int MAX_HORIZON_DAYS = 730;
    private static final int MAX_AUTOMATIC_HOLDOUT = 28;

    public ForecastParameters {
        Objects.requireNonNull(seasonality, "seasonality");
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            throw new IllegalArgumentException("horizonDays must be between 1 and " + MAX_HORIZON_DAYS);
        }
        if (period < 2) {
            throw new IllegalArgumentException("period must be at least 2");
        }
        if (holdoutDays < 0) {
            throw new IllegalArgumentException("holdoutDays must not be negative");
        }
        if (!(intervalZ > 0) || !Double.isFinite(intervalZ)) {
            throw new IllegalArgumentException("intervalZ must be positive");
        }
    }

    /** 90 days ahead, weekly additive season, no damping, automatic holdout, 95 % band. */
    public static ForecastParameters defaults() {
        return new ForecastParameters(90, 7, Seasonality.ADDITIVE, false, AUTOMATIC_HOLDOUT, 1.96);
    }

    public ForecastParameters withHorizonDays(int days) {
        return new ForecastParameters(days, period, seasonality, dampedTrend, holdoutDays, intervalZ);
    }

    public ForecastParameters withSeasonality(Seasonality kind) {
        return new ForecastParameters(horizonDays, period, kind, dampedTrend, holdoutDays, intervalZ);
    }

    public ForecastParameters withDampedTrend(boolean damped) {
        return new ForecastParameters(horizonDays, period, seasonality, damped, holdoutDays, intervalZ);
    }

    public ForecastParameters withHoldoutDays(int days) {
        return new ForecastParameters(horizonDays, period, seasonality, dampedTrend, days, intervalZ);
    }

    /** The holdout for a series of {@code seriesDays} days: the explicit value, or min(28, n / 5) but at least 1. */
    public int holdoutFor(int seriesDays) {
        if (holdoutDays != AUTOMATIC_HOLDOUT) {
            return holdoutDays;
        }
        return Math.max(1, Math.min(MAX_AUTOMATIC_HOLDOUT, seriesDays / 5));
    }
}

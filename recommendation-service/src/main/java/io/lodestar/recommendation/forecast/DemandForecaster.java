package io.lodestar.recommendation.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Forecasts a category's daily demand with {@link HoltWinters} and backtests the same configuration.
 *
 * <p>The backtest refits on all but the last {@link ForecastParameters#holdoutFor holdout} days, forecasts them, and
 * reports the MAPE over the holdout days whose actual demand is not zero (a percentage error of a zero day is undefined).
 * The served forecast is then fitted on the whole history. Forecasts, in the backtest as in the served points, are
 * clipped at zero, because demand cannot be negative and a falling trend would otherwise cross zero.
 */
public final class DemandForecaster {

    private DemandForecaster() {
    }

    /**
     * @param dailyDemand demand per day, oldest first, one value per calendar day (missing days as 0), all finite
     * @param firstDay    the calendar day of {@code dailyDemand[0]}
     * @throws InsufficientHistoryException when the series is shorter than two seasons plus the holdout
     */
    public static DemandForecast fit(double[] dailyDemand, LocalDate firstDay, ForecastParameters parameters) {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(parameters, "parameters");
        int days = dailyDemand.length;
        int holdout = parameters.holdoutFor(days);
        if (days < 2 * parameters.period() + holdout) {
            throw new InsufficientHistoryException(days, parameters.period(), holdout);
        }

        HoltWinters backtestModel = fitModel(Arrays.copyOf(dailyDemand, days - holdout), parameters);
        double[] backtest = backtestModel.forecast(holdout);
        double errorSum = 0;
        int scored = 0;
        for (int i = 0; i < holdout; i++) {
            double actual = dailyDemand[days - holdout + i];
            if (actual != 0) {
                errorSum += Math.abs(actual - Math.max(0, backtest[i])) / Math.abs(actual);
                scored++;
            }
        }
        OptionalDouble mape = scored == 0 ? OptionalDouble.empty() : OptionalDouble.of(errorSum / scored);

        HoltWinters model = fitModel(dailyDemand, parameters);
        double[] expected = model.forecast(parameters.horizonDays());
        LocalDate lastDay = firstDay.plusDays(days - 1L);
        List<ForecastPoint> points = new ArrayList<>(expected.length);
        for (int step = 1; step <= expected.length; step++) {
            double halfWidth = model.bandHalfWidth(step, parameters.intervalZ());
            double mean = expected[step - 1];
            points.add(new ForecastPoint(lastDay.plusDays(step), Math.max(0, mean), Math.max(0, mean - halfWidth),
                    Math.max(0, mean + halfWidth)));
        }
        return new DemandForecast(days, lastDay, model, points, holdout, scored, mape);
    }

    private static HoltWinters fitModel(double[] series, ForecastParameters parameters) {
        return HoltWinters.fit(series, parameters.period(), parameters.seasonality(), parameters.dampedTrend());
    }
}

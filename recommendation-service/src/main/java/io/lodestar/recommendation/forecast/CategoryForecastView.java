package io.lodestar.recommendation.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * A category's daily demand forecast ({@code GET /forecasts/categories/{category}}).
 *
 * @param category        the leaf category
 * @param horizonDays     days forecast, starting the day after {@code lastHistoryDay}
 * @param firstHistoryDay the first day the model was fitted on: the category's first sale within the history read
 * @param lastHistoryDay  the last one: yesterday (UTC), because today is not over
 * @param historyDays     days fitted on, days without sales counted as 0
 * @param model           the fitted Holt–Winters model
 * @param backtest        how the same configuration did on the last days of the history, fitted without them
 * @param points          one per future day
 */
public record CategoryForecastView(String category, int horizonDays, LocalDate firstHistoryDay,
        LocalDate lastHistoryDay, int historyDays, FittedModelView model, BacktestView backtest,
        List<PointView> points) {

    public CategoryForecastView {
        points = List.copyOf(points);
    }

    /** The view of a forecast fitted on a series starting at {@code firstHistoryDay}. */
    static CategoryForecastView of(String category, LocalDate firstHistoryDay, DemandForecast forecast) {
        HoltWinters model = forecast.model();
        SmoothingParameters smoothing = model.parameters();
        FittedModelView fitted = new FittedModelView(model.seasonality().name().toLowerCase(java.util.Locale.ROOT),
                model.period(), smoothing.alpha(), smoothing.beta(), smoothing.gamma(), smoothing.phi(),
                model.level(), model.trend(), model.residualSd());
        BacktestView backtest = new BacktestView(forecast.holdoutDays(), forecast.backtestDays(),
                forecast.backtestMape().isPresent() ? forecast.backtestMape().getAsDouble() : null);
        List<PointView> points = forecast.points().stream()
                .map(point -> new PointView(point.day(), point.expected(), point.lower(), point.upper())).toList();
        return new CategoryForecastView(category, points.size(), firstHistoryDay, forecast.lastHistoryDay(),
                forecast.historyDays(), fitted, backtest, points);
    }

    /**
     * The fitted model's numbers (see {@link HoltWinters}).
     *
     * @param seasonality additive or multiplicative
     * @param period      season length in days
     * @param alpha       level smoothing
     * @param beta        trend smoothing
     * @param gamma       season smoothing
     * @param phi         trend damping (1: none)
     * @param level       level at the end of the history, units per day
     * @param trend       trend at the end of the history, units per day per day
     * @param residualSd  root mean squared one-step error, units per day
     */
    public record FittedModelView(String seasonality, int period, double alpha, double beta, double gamma,
            double phi, double level, double trend, double residualSd) {
    }

    /**
     * The backtest: a model fitted without the last {@code holdoutDays} forecast them.
     *
     * @param holdoutDays days held out
     * @param scoredDays  holdout days with sales, the days the MAPE is taken over
     * @param mape        mean absolute percentage error as a fraction (0.05 = 5 %); null if no holdout day had sales
     */
    public record BacktestView(int holdoutDays, int scoredDays, Double mape) {
    }

    /**
     * One future day.
     *
     * @param date     the day (UTC)
     * @param forecast expected units
     * @param lower    lower end of the 95 % band, at least 0
     * @param upper    upper end of the band
     */
    public record PointView(LocalDate date, double forecast, double lower, double upper) {
    }
}

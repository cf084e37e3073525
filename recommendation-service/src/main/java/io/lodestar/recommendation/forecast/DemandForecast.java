package io.lodestar.recommendation.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A category's demand forecast and how well the same kind of model did on the recent past.
 *
 * @param historyDays  days of history the model was fitted on
 * @param lastHistoryDay the last day of that history (the forecast starts the day after)
 * @param model        the model fitted on the whole history (its numbers can be stored and restored)
 * @param points       one point per future day, in order
 * @param holdoutDays  days held out at the end of the history for the backtest
 * @param backtestDays holdout days with non-zero actual demand: the days the MAPE is taken over
 * @param backtestMape mean absolute percentage error of a model refitted without the holdout, forecasting it, as a
 *                     fraction (0.05 = 5 %); empty when every holdout day had zero demand
 */
public record DemandForecast(int historyDays, LocalDate lastHistoryDay, HoltWinters model, List<ForecastPoint> points,
        int holdoutDays, int backtestDays, OptionalDouble backtestMape) {

    public DemandForecast {
        Objects.requireNonNull(lastHistoryDay, "lastHistoryDay");
        Objects.requireNonNull(model, "model");
        points = List.copyOf(points);
        Objects.requireNonNull(backtestMape, "backtestMape");
    }
}

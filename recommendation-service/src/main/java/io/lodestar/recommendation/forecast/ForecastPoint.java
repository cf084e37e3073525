package io.lodestar.recommendation.forecast;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Forecast demand of one future day, clipped at zero (demand cannot be negative).
 *
 * @param day      the day
 * @param expected point forecast
 * @param lower    lower end of the prediction band, at least 0
 * @param upper    upper end of the prediction band
 */
public record ForecastPoint(LocalDate day, double expected, double lower, double upper) {

    public ForecastPoint {
        Objects.requireNonNull(day, "day");
    }
}

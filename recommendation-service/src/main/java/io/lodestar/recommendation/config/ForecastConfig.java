package io.lodestar.recommendation.config;

import java.time.Duration;

import io.lodestar.recommendation.forecast.Seasonality;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How category demand is forecast ({@code lodestar.forecasts.*}); the horizon comes with each request. */
@ConfigMapping(prefix = "lodestar.forecasts")
public interface ForecastConfig {

    /** How far back daily demand is read: two years give the model a yearly swing to learn its level from. */
    @WithDefault("730d")
    Duration history();

    /** Additive (the weekly swing is a number of units) or multiplicative (it grows with the level). */
    @WithDefault("additive")
    Seasonality seasonality();

    /** Whether the trend flattens out over the horizon; safer for 90-day forecasts of a trend that will not last. */
    @WithDefault("false")
    boolean dampedTrend();
}

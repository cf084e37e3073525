/**
 * Daily demand forecasting for a category: Holt–Winters triple exponential smoothing with a weekly season
 * ({@link io.lodestar.recommendation.forecast.HoltWinters}) and the forecaster behind
 * {@code GET /forecasts/categories/{category}?horizon=90}, which fits it, forecasts with a prediction band and reports the
 * backtest error of the same model on the last weeks it was not fitted on
 * ({@link io.lodestar.recommendation.forecast.DemandForecaster}).
 *
 * <p>Pure Java, deterministic (a fixed grid and a pattern search, no random restarts), no Smile. A fit is a few
 * milliseconds to a second of CPU on years of daily data: run it on a worker thread, never on an event loop. A fitted
 * model is plain numbers and is restored with {@link io.lodestar.recommendation.forecast.HoltWinters#restore}.
 */
package io.lodestar.recommendation.forecast;

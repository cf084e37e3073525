/**
 * Trending items behind {@code lodestar.product-trends.v1}: an item's heat (weighted views, carts and orders in a sliding
 * window) rising by at least a threshold against the previous window of the same length. The rule itself is pure Java,
 * immutable and thread-safe ({@link io.lodestar.recommendation.trend.TrendDetector}); the
 * {@link io.lodestar.recommendation.trend.TrendingService} counts the windows in SQL on a schedule, one replica at a
 * time, and publishes newly trending items through the outbox, once per reporting window; {@code GET /trending} lists
 * them.
 */
package io.lodestar.recommendation.trend;

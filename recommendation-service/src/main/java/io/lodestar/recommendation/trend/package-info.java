/**
 * The trending-items rule behind {@code lodestar.product-trends.v1}: an item's heat (weighted views, carts and orders in a
 * sliding window) rising by at least a threshold against the previous window of the same length. Only the pure rule lives
 * here ({@link io.lodestar.recommendation.trend.TrendDetector}); counting the windows and publishing belong to the caller.
 * Pure Java, immutable, thread-safe.
 */
package io.lodestar.recommendation.trend;

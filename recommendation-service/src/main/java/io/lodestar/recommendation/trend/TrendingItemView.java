package io.lodestar.recommendation.trend;

import java.time.Instant;

/**
 * An item reported as trending (a row of {@code trending_item}), as {@code GET /trending} and a detection show it.
 *
 * @param itemId       the item
 * @param category     its leaf category at detection (null for a stub item the catalogue has not described)
 * @param heat         weighted views, carts and orders in the window that ended at {@code detectedAt}
 * @param previousHeat the same in the window before it
 * @param growth       (heat − previousHeat) / previousHeat, or 1.0 for a new item
 * @param newItem      whether the item had no heat in the previous window (its growth is 1.0 by convention)
 * @param windowHours  length of each window
 * @param windowStart  start of the reporting window: the item is not published again before the next one
 * @param detectedAt   when the detection ran (the end of the measured window)
 */
public record TrendingItemView(String itemId, String category, double heat, double previousHeat, double growth,
        boolean newItem, int windowHours, Instant windowStart, Instant detectedAt) {
}

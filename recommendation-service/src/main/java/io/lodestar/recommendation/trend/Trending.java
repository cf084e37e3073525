package io.lodestar.recommendation.trend;

import java.util.Objects;

/**
 * An item the rule found trending.
 *
 * @param itemId       the item
 * @param heat         heat in the current window
 * @param previousHeat heat in the previous window
 * @param growth       (heat − previousHeat) / previousHeat; for an item with no previous heat, where that ratio is
 *                     infinite, {@link #NEW_ITEM_GROWTH} (+100 %, "new"), so that it can be sorted, stored and sent as
 *                     JSON; tell the two cases apart with {@link #isNew()}
 */
public record Trending(String itemId, double heat, double previousHeat, double growth) {

    /** The growth reported for an item with no heat in the previous window. */
    public static final double NEW_ITEM_GROWTH = 1.0;

    public Trending {
        Objects.requireNonNull(itemId, "itemId");
    }

    /** Whether the item had no heat in the previous window (its growth is {@link #NEW_ITEM_GROWTH} by convention). */
    public boolean isNew() {
        return previousHeat == 0;
    }
}

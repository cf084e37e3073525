package io.lodestar.recommendation.trend;

import java.util.Objects;

/**
 * An item's events in the current window and in the window of the same length just before it.
 *
 * @param current  counts in the current window
 * @param previous counts in the previous window ({@link EventCounts#NONE} for an item that had none)
 */
public record ItemHeat(EventCounts current, EventCounts previous) {

    public ItemHeat {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
    }
}

package io.lodestar.recommendation.trend;

/**
 * How often an item was viewed, added to a cart and ordered within one window.
 *
 * @param views  product views, not negative
 * @param carts  add-to-cart events, not negative
 * @param orders orders containing the item, not negative
 */
public record EventCounts(long views, long carts, long orders) {

    public static final EventCounts NONE = new EventCounts(0, 0, 0);

    public EventCounts {
        if (views < 0 || carts < 0 || orders < 0) {
            throw new IllegalArgumentException("event counts must not be negative");
        }
    }
}

package io.lodestar.recommendation.association;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.lodestar.recommendation.sequence.Purchase;

/**
 * Builds the baskets {@link AssociationRuleMiner} mines: arrays of item indices, increasing and without duplicates
 * (an item bought twice in one basket is still one occurrence, which is what support counts).
 */
public final class Baskets {

    private Baskets() {
    }

    /**
     * One basket per order.
     *
     * @param orders each order's item indices (any order, repeats allowed); orders without items are dropped, since an
     *               empty basket supports nothing and would only dilute every support
     */
    public static int[][] byOrder(Collection<int[]> orders) {
        List<int[]> baskets = new ArrayList<>(orders.size());
        for (int[] order : orders) {
            int[] basket = distinctSorted(order.clone(), order.length);
            if (basket.length > 0) {
                baskets.add(basket);
            }
        }
        return baskets.toArray(new int[0][]);
    }

    /**
     * One basket per customer and window: a window opens at a customer's first purchase not yet in a basket and holds
     * every purchase up to {@code window} later (inclusive); the next purchase after it opens the next window. Use it
     * when one need is bought over several orders (a camping trip bought across a week).
     *
     * @param customers each customer's purchases, any order
     * @param window    how long a basket stays open; {@link Duration#ZERO} groups purchases of the same instant only
     */
    public static int[][] byWindow(List<List<Purchase>> customers, Duration window) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("window must be zero or positive, was " + window);
        }
        List<int[]> baskets = new ArrayList<>();
        for (List<Purchase> customer : customers) {
            List<Purchase> purchases = new ArrayList<>(customer);
            purchases.sort(Comparator.comparing(Purchase::at));
            int[] items = new int[purchases.size()];
            int size = 0;
            Instant closes = null;
            for (Purchase purchase : purchases) {
                if (closes != null && purchase.at().isAfter(closes)) {
                    baskets.add(distinctSorted(items, size));
                    items = new int[purchases.size()];
                    size = 0;
                    closes = null;
                }
                if (closes == null) {
                    closes = purchase.at().plus(window);
                }
                items[size++] = purchase.item();
            }
            if (size > 0) {
                baskets.add(distinctSorted(items, size));
            }
        }
        return baskets.toArray(new int[0][]);
    }

    /** Sorts the first {@code size} entries in place and returns them without repeats. */
    private static int[] distinctSorted(int[] items, int size) {
        Arrays.sort(items, 0, size);
        int distinct = 0;
        for (int k = 0; k < size; k++) {
            if (items[k] < 0) {
                throw new IllegalArgumentException("item indices must be >= 0, was " + items[k]);
            }
            if (distinct == 0 || items[distinct - 1] != items[k]) {
                items[distinct++] = items[k];
            }
        }
        return Arrays.copyOf(items, distinct);
    }
}

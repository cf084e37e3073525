package io.lodestar.recommendation.association;

import java.util.Arrays;

/**
 * Items that appear together in at least the minimum share of baskets.
 *
 * @param items       indices of the training dictionary, increasing
 * @param basketCount baskets holding all of them
 * @param support     {@code basketCount} / all baskets
 */
public record FrequentItemSet(int[] items, int basketCount, double support) {

    public FrequentItemSet {
        items = items.clone();
    }

    @Override
    public int[] items() {
        return items.clone();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FrequentItemSet)) {
            return false;
        }
        FrequentItemSet set = (FrequentItemSet) other;
        return Arrays.equals(items, set.items) && basketCount == set.basketCount
                && Double.compare(support, set.support) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items) * 31 + basketCount;
    }

    @Override
    public String toString() {
        return Arrays.toString(items) + " in " + basketCount + " baskets";
    }
}

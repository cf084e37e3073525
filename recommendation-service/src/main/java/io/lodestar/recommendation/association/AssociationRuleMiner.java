package io.lodestar.recommendation.association;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import smile.association.FPGrowth;
import smile.association.FPTree;
import smile.association.ItemSet;

/**
 * Mines association rules from baskets with Smile's FP-growth.
 *
 * <p>Steps: count each item once per basket; keep the items whose count reaches the minimum support and number them
 * densely (Smile sizes its tables by the largest item index, at most {@code smile.arm.items} = 65,536 by default, and
 * catalogues are larger than that while the frequent items are few); hand Smile fresh dense baskets, because
 * {@code FPTree} reorders the arrays it is given; let {@code FPGrowth} enumerate the frequent item sets with their
 * counts; generate the rules ourselves from those counts; translate back to the caller's item indices.
 *
 * <p>Why not Smile's {@code ARM}: it has no length limit (every frequent item set of k items yields its 2^k − 2
 * splits), it reports support only as a fraction of the tree's transactions, so basket counts would have to be
 * recomputed, and its order is not deterministic enough to store. The numbers are the same: confidence =
 * count(A ∪ C) / count(A), lift = confidence / (count(C) / baskets); a test checks them against {@code ARM}.
 *
 * <p>Support thresholds are absolute counts inside Smile; the fraction is turned into {@code ⌈s · baskets⌉} so a set
 * is kept exactly when its support fraction is at least {@code s} (Smile's own fraction overload rounds instead).
 */
public final class AssociationRuleMiner {

    /** Smile 2.6.0's default item bound (system property {@code smile.arm.items}). */
    private static final int SMILE_ITEM_BOUND = 65_536;

    private static final Comparator<AssociationRule> STRONGEST_FIRST = Comparator
            .comparingDouble(AssociationRule::lift).reversed()
            .thenComparing(Comparator.comparingDouble(AssociationRule::confidence).reversed())
            .thenComparing(Comparator.comparingInt(AssociationRule::basketCount).reversed())
            .thenComparingInt(AssociationRule::length)
            .thenComparing((a, b) -> Arrays.compare(a.antecedent(), b.antecedent()))
            .thenComparing((a, b) -> Arrays.compare(a.consequent(), b.consequent()));

    private static final Comparator<FrequentItemSet> MOST_FREQUENT_FIRST = Comparator
            .comparingInt(FrequentItemSet::basketCount).reversed()
            .thenComparingInt(set -> set.items().length)
            .thenComparing((a, b) -> Arrays.compare(a.items(), b.items()));

    private AssociationRuleMiner() {
    }

    /**
     * @param baskets    item indices per basket (see {@link Baskets}); not modified. Repeats within a basket count once.
     * @param parameters thresholds and maximum rule length
     * @return the rules, highest lift first, then confidence, basket count, shorter rules, and item order
     */
    public static List<AssociationRule> mine(int[][] baskets, RuleParameters parameters) {
        ItemSetCounts counts = ItemSetCounts.of(baskets, parameters.minSupport(), parameters.maxLength());
        List<AssociationRule> rules = new ArrayList<>();
        for (Map.Entry<ItemSetKey, Integer> entry : counts.byItemSet.entrySet()) {
            int[] items = entry.getKey().items;
            if (items.length >= 2) {
                addRules(items, entry.getValue(), counts, parameters, rules);
            }
        }
        rules.sort(STRONGEST_FIRST);
        return List.copyOf(rules);
    }

    /**
     * The frequent item sets of up to {@code maxLength} items, most frequent first (then shorter, then item order).
     *
     * @param minSupport minimum share of baskets, 0 &lt; s ≤ 1
     */
    public static List<FrequentItemSet> frequentItemSets(int[][] baskets, double minSupport, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
        // validates the same way the rules do; confidence and lift play no part here
        RuleParameters checked = new RuleParameters(minSupport, 0, 0, Math.max(2, maxLength));
        ItemSetCounts counts = ItemSetCounts.of(baskets, checked.minSupport(), maxLength);
        List<FrequentItemSet> sets = new ArrayList<>(counts.byItemSet.size());
        counts.byItemSet.forEach((key, count) -> sets.add(new FrequentItemSet(counts.original(key.items), count,
                (double) count / counts.basketCount)));
        sets.sort(MOST_FREQUENT_FIRST);
        return List.copyOf(sets);
    }

    /** Every split of one frequent item set into antecedent → consequent that passes the thresholds. */
    private static void addRules(int[] items, int count, ItemSetCounts counts, RuleParameters parameters,
            List<AssociationRule> rules) {
        int k = items.length;
        double support = (double) count / counts.basketCount;
        for (int mask = 1; mask < (1 << k) - 1; mask++) {
            int[] antecedent = new int[Integer.bitCount(mask)];
            int[] consequent = new int[k - antecedent.length];
            int a = 0;
            int c = 0;
            for (int bit = 0; bit < k; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    antecedent[a++] = items[bit];
                } else {
                    consequent[c++] = items[bit];
                }
            }
            // every subset of a frequent set is frequent (and shorter), so both counts are known
            double confidence = (double) count / counts.count(antecedent);
            if (confidence < parameters.minConfidence()) {
                continue;
            }
            double lift = confidence / ((double) counts.count(consequent) / counts.basketCount);
            if (lift < parameters.minLift()) {
                continue;
            }
            rules.add(new AssociationRule(counts.original(antecedent), counts.original(consequent), support,
                    confidence, lift, count));
        }
    }

    /** Basket counts of every frequent item set, in dense indices, plus the dictionary back to the caller's. */
    private static final class ItemSetCounts {

        private final Map<ItemSetKey, Integer> byItemSet;
        private final int[] originalItem;
        private final int basketCount;

        private ItemSetCounts(Map<ItemSetKey, Integer> byItemSet, int[] originalItem, int basketCount) {
            this.byItemSet = byItemSet;
            this.originalItem = originalItem;
            this.basketCount = basketCount;
        }

        static ItemSetCounts of(int[][] baskets, double minSupport, int maxLength) {
            int basketCount = baskets.length;
            Map<ItemSetKey, Integer> byItemSet = new HashMap<>();
            if (basketCount == 0) {
                return new ItemSetCounts(byItemSet, new int[0], 0);
            }
            // ⌈s·n⌉, with a little slack so that 0.3 · 10 is 3 and not 4 after rounding errors
            int minCount = Math.max(1, (int) Math.ceil(minSupport * basketCount - 1e-9));

            int[][] distinct = new int[basketCount][];
            int itemBound = 0;
            for (int b = 0; b < basketCount; b++) {
                distinct[b] = distinctSorted(baskets[b]);
                if (distinct[b].length > 0) {
                    itemBound = Math.max(itemBound, distinct[b][distinct[b].length - 1] + 1);
                }
            }
            int[] itemCounts = new int[itemBound];
            for (int[] basket : distinct) {
                for (int item : basket) {
                    itemCounts[item]++;
                }
            }
            int[] denseItem = new int[itemBound];
            int frequent = 0;
            for (int item = 0; item < itemBound; item++) {
                denseItem[item] = itemCounts[item] >= minCount ? frequent++ : -1;
            }
            int smileBound = Integer.getInteger("smile.arm.items", SMILE_ITEM_BOUND);
            if (frequent > smileBound) {
                throw new IllegalArgumentException(frequent + " frequent items exceed Smile's limit of " + smileBound
                        + " (system property smile.arm.items): raise minSupport");
            }
            int[] originalItem = new int[frequent];
            for (int item = 0; item < itemBound; item++) {
                if (denseItem[item] >= 0) {
                    originalItem[denseItem[item]] = item;
                    byItemSet.put(new ItemSetKey(new int[] { denseItem[item] }), itemCounts[item]);
                }
            }
            List<int[]> dense = new ArrayList<>(basketCount);
            for (int[] basket : distinct) {
                int[] kept = new int[basket.length];
                int size = 0;
                for (int item : basket) {
                    if (denseItem[item] >= 0) {
                        kept[size++] = denseItem[item];
                    }
                }
                if (size >= 2) { // a basket with fewer than two frequent items adds no pair or larger set
                    dense.add(Arrays.copyOf(kept, size));
                }
            }
            if (!dense.isEmpty() && maxLength >= 2) {
                FPTree tree = FPTree.of(minCount, dense.toArray(new int[0][]));
                FPGrowth.apply(tree).forEach(set -> keep(set, maxLength, byItemSet));
            }
            return new ItemSetCounts(byItemSet, originalItem, basketCount);
        }

        private static void keep(ItemSet set, int maxLength, Map<ItemSetKey, Integer> byItemSet) {
            if (set.items.length >= 2 && set.items.length <= maxLength) {
                int[] items = set.items.clone();
                Arrays.sort(items);
                byItemSet.put(new ItemSetKey(items), set.support);
            }
        }

        int count(int[] denseItems) {
            Integer count = byItemSet.get(new ItemSetKey(denseItems));
            if (count == null) {
                throw new IllegalStateException("FP-growth omitted a subset of a frequent set: "
                        + Arrays.toString(denseItems));
            }
            return count;
        }

        int[] original(int[] denseItems) {
            int[] items = new int[denseItems.length];
            for (int k = 0; k < items.length; k++) {
                items[k] = originalItem[denseItems[k]];
            }
            return items; // increasing, because dense numbers follow the original order
        }

        private static int[] distinctSorted(int[] basket) {
            int[] items = basket.clone();
            Arrays.sort(items);
            int size = 0;
            for (int item : items) {
                if (item < 0) {
                    throw new IllegalArgumentException("item indices must be >= 0, was " + item);
                }
                if (size == 0 || items[size - 1] != item) {
                    items[size++] = item;
                }
            }
            return Arrays.copyOf(items, size);
        }
    }

    /** A dense, increasing item array as a hash key. */
    private static final class ItemSetKey {

        private final int[] items;
        private final int hash;

        ItemSetKey(int[] items) {
            this.items = items;
            this.hash = Arrays.hashCode(items);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ItemSetKey && Arrays.equals(items, ((ItemSetKey) other).items);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

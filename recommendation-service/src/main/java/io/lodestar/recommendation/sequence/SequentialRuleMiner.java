package io.lodestar.recommendation.sequence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Mines "customers who bought A bought B within D days" from each customer's purchase history.
 *
 * <p>Per customer, purchases are walked in time order with a sliding window of the purchases in the last
 * {@code maxGap}; every purchase b pairs with each earlier item a in its window. A customer counts once per ordered
 * pair (a, b), a ≠ b: at the first b that has an a in its window, and the days between are measured from the earliest
 * a in that window, which is exactly "the first A followed by a B within the gap". A purchase scans at most its
 * window, and a repeat purchase only what came since the previous one (see {@code forEachFirstSequence}).
 *
 * <p>What keeps it fast on Online Retail (4,339 customers, 398,000 purchase lines, 90 days: ≈ 17 million
 * (customer, pair) events, where hashing every event dominated the run): purchases of items
 * bought by fewer than {@code minCustomers} customers are dropped first; "already counted for this customer" is a
 * bit matrix over the customer's own items; and customers per pair are counted in a dense matrix over the remaining
 * items. Each falls back to a primitive hash map keyed by {@code a << 32 | b} when it would be too large.
 *
 * <p>Two passes over the histories: the first counts pairs, the second collects the days between only for the pairs
 * that became rules, so memory for the medians is bounded by the rules kept, not by all pairs ever seen.
 */
public final class SequentialRuleMiner {

    private static final double MILLIS_PER_DAY = 86_400_000d;

    /** Strongest rules first; the rest of the order only makes the output deterministic. */
    private static final Comparator<SequentialRule> STRONGEST_FIRST = Comparator
            .comparingDouble(SequentialRule::lift).reversed()
            .thenComparing(Comparator.comparingDouble(SequentialRule::confidence).reversed())
            .thenComparing(Comparator.comparingInt(SequentialRule::customersWithSequence).reversed())
            .thenComparingInt(SequentialRule::antecedent)
            .thenComparingInt(SequentialRule::consequent);

    private SequentialRuleMiner() {
    }

    /**
     * @param customers  one list of purchases per customer (any order; sorted here by time); customers without
     *                   purchases still count in "all customers"
     * @param parameters gap and thresholds
     * @return the rules, highest lift first (then confidence, customers, antecedent, consequent)
     */
    public static List<SequentialRule> mine(List<List<Purchase>> customers, SequenceParameters parameters) {
        Histories histories = Histories.of(customers);
        long maxGapMillis = parameters.maxGap().toMillis();
        int customerCount = customers.size();
        if (customerCount == 0) {
            return List.of();
        }

        // An item bought by fewer than minCustomers customers can be on neither side of a rule: drop its purchases
        // before the walk (windows are measured in time, so the other pairs are unaffected).
        int[] itemCustomers = histories.customersPerItem();
        histories = histories.keepItemsBoughtByAtLeast(parameters.minCustomers(), itemCustomers);

        PairCounts pairCustomers = new PairCounts(itemCustomers, parameters.minCustomers());
        histories.forEachFirstSequence(maxGapMillis, (pair, gapMillis) -> pairCustomers.add(pair));

        // Keep the pairs that pass every threshold; give each a slot for its days between.
        LongIntHashMap ruleIndex = new LongIntHashMap(1024);
        List<long[]> kept = new ArrayList<>();
        pairCustomers.forEach((pair, count) -> {
            int antecedent = (int) (pair >>> 32);
            int consequent = (int) pair;
            double confidence = (double) count / itemCustomers[antecedent];
            double lift = confidence / ((double) itemCustomers[consequent] / customerCount);
            if (count >= parameters.minCustomers() && confidence >= parameters.minConfidence()
                    && lift >= parameters.minLift()) {
                ruleIndex.putIfAbsent(pair, kept.size());
                kept.add(new long[] { pair, count });
            }
        });
        double[][] daysBetween = new double[kept.size()][];
        for (int r = 0; r < kept.size(); r++) {
            daysBetween[r] = new double[(int) kept.get(r)[1]];
        }
        int[] filled = new int[kept.size()];
        histories.forEachFirstSequence(maxGapMillis, (pair, gapMillis) -> {
            int rule = ruleIndex.get(pair, -1);
            if (rule >= 0) {
                daysBetween[rule][filled[rule]++] = gapMillis / MILLIS_PER_DAY;
            }
        });

        List<SequentialRule> rules = new ArrayList<>(kept.size());
        for (int r = 0; r < kept.size(); r++) {
            long pair = kept.get(r)[0];
            int count = (int) kept.get(r)[1];
            int antecedent = (int) (pair >>> 32);
            int consequent = (int) pair;
            double confidence = (double) count / itemCustomers[antecedent];
            double lift = confidence / ((double) itemCustomers[consequent] / customerCount);
            rules.add(new SequentialRule(antecedent, consequent, itemCustomers[antecedent], count,
                    (double) count / customerCount, confidence, lift, median(daysBetween[r])));
        }
        rules.sort(STRONGEST_FIRST);
        return List.copyOf(rules);
    }

    /**
     * Customers per ordered pair. Counting is the hot loop (Online Retail: millions of (customer, pair) events), so
     * when the items that can still form a rule are few enough it counts in a dense matrix over them (at most
     * {@value #MAX_DENSE_CELLS} cells, 64 MB; 2,000 items take 16 MB), which is several times faster than a hash map;
     * otherwise in a primitive hash map.
     */
    private static final class PairCounts {

        private static final long MAX_DENSE_CELLS = 1L << 24;

        private final int[] denseOf;
        private final int[] itemOf;
        private final int[] dense;
        private final LongIntHashMap hashed;

        PairCounts(int[] itemCustomers, int minCustomers) {
            denseOf = new int[itemCustomers.length];
            int candidates = 0;
            for (int item = 0; item < itemCustomers.length; item++) {
                denseOf[item] = itemCustomers[item] >= minCustomers ? candidates++ : -1;
            }
            itemOf = new int[candidates];
            for (int item = 0; item < itemCustomers.length; item++) {
                if (denseOf[item] >= 0) {
                    itemOf[denseOf[item]] = item;
                }
            }
            boolean small = (long) candidates * candidates <= MAX_DENSE_CELLS;
            dense = small ? new int[candidates * candidates] : null;
            hashed = small ? null : new LongIntHashMap(1 << 16);
        }

        void add(long pair) {
            if (dense != null) {
                dense[denseOf[(int) (pair >>> 32)] * itemOf.length + denseOf[(int) pair]]++;
            } else {
                hashed.add(pair, 1);
            }
        }

        void forEach(LongIntHashMap.EntryVisitor visitor) {
            if (dense == null) {
                hashed.forEach(visitor);
                return;
            }
            for (int a = 0; a < itemOf.length; a++) {
                for (int b = 0; b < itemOf.length; b++) {
                    int count = dense[a * itemOf.length + b];
                    if (count > 0) {
                        visitor.visit(((long) itemOf[a] << 32) | itemOf[b], count);
                    }
                }
            }
        }
    }

    private static double median(double[] values) {
        Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** Every customer's purchases as sorted primitive arrays, so both passes walk them cheaply. */
    private static final class Histories {

        private final int[][] items;
        private final long[][] millis;
        private final int itemBound;

        private Histories(int[][] items, long[][] millis, int itemBound) {
            this.items = items;
            this.millis = millis;
            this.itemBound = itemBound;
        }

        static Histories of(List<List<Purchase>> customers) {
            int[][] items = new int[customers.size()][];
            long[][] millis = new long[customers.size()][];
            int itemBound = 0;
            for (int c = 0; c < customers.size(); c++) {
                List<Purchase> purchases = new ArrayList<>(customers.get(c));
                // stable: purchases of one instant keep the caller's order
                purchases.sort(Comparator.comparing(Purchase::at));
                items[c] = new int[purchases.size()];
                millis[c] = new long[purchases.size()];
                for (int p = 0; p < purchases.size(); p++) {
                    Purchase purchase = purchases.get(p);
                    items[c][p] = purchase.item();
                    millis[c][p] = toMillis(purchase.at());
                    itemBound = Math.max(itemBound, purchase.item() + 1);
                }
            }
            return new Histories(items, millis, itemBound);
        }

        private static long toMillis(Instant at) {
            return at.toEpochMilli();
        }

        /** The same histories without the purchases of items bought by fewer than {@code minCustomers}. */
        Histories keepItemsBoughtByAtLeast(int minCustomers, int[] customersPerItem) {
            int[][] keptItems = new int[items.length][];
            long[][] keptMillis = new long[items.length][];
            for (int c = 0; c < items.length; c++) {
                int size = 0;
                for (int item : items[c]) {
                    size += customersPerItem[item] >= minCustomers ? 1 : 0;
                }
                keptItems[c] = new int[size];
                keptMillis[c] = new long[size];
                int written = 0;
                for (int p = 0; p < items[c].length; p++) {
                    if (customersPerItem[items[c][p]] >= minCustomers) {
                        keptItems[c][written] = items[c][p];
                        keptMillis[c][written] = millis[c][p];
                        written++;
                    }
                }
            }
            return new Histories(keptItems, keptMillis, itemBound);
        }

        /** How many customers bought each item at least once. */
        int[] customersPerItem() {
            int[] counts = new int[itemBound];
            int[] lastCustomer = new int[itemBound];
            Arrays.fill(lastCustomer, -1);
            for (int c = 0; c < items.length; c++) {
                for (int item : items[c]) {
                    if (lastCustomer[item] != c) {
                        lastCustomer[item] = c;
                        counts[item]++;
                    }
                }
            }
            return counts;
        }

        /**
         * Calls {@code visitor} once per customer and ordered pair, with the gap of its first occurrence.
         *
         * <p>A repeated purchase of b only needs to look at the purchases since b's previous purchase: anything
         * older that is still in the window was already in the window of that previous b, so those pairs are known.
         * Wholesale customers re-buy the same items all year, which makes this the difference between scanning
         * every window in full and scanning mostly nothing.
         */
        void forEachFirstSequence(long maxGapMillis, SequenceVisitor visitor) {
            PairsSeen seen = new PairsSeen(itemBound);
            int[] previousPosition = new int[itemBound];
            int[] previousOwner = new int[itemBound];
            Arrays.fill(previousOwner, -1);
            int[] instantStart = new int[0];
            for (int c = 0; c < items.length; c++) {
                int[] bought = items[c];
                long[] at = millis[c];
                if (instantStart.length < bought.length) {
                    instantStart = new int[bought.length];
                }
                seen.startCustomer(c, bought);
                int windowStart = 0;
                for (int later = 0; later < bought.length; later++) {
                    // purchases of one instant share a window: it ends just before their common instant
                    instantStart[later] = later > 0 && at[later] == at[later - 1] ? instantStart[later - 1] : later;
                    while (at[windowStart] < at[later] - maxGapMillis) {
                        windowStart++;
                    }
                    int item = bought[later];
                    int from = windowStart;
                    if (previousOwner[item] == c) {
                        from = Math.max(from, instantStart[previousPosition[item]]);
                    }
                    previousOwner[item] = c;
                    previousPosition[item] = later;
                    // oldest first, so the first time a pair shows up it is measured from the earliest A
                    for (int earlier = from; at[earlier] < at[later]; earlier++) {
                        if (bought[earlier] != item && seen.firstTime(bought[earlier], item)) {
                            visitor.visit(((long) bought[earlier] << 32) | item, at[later] - at[earlier]);
                        }
                    }
                }
            }
        }
    }

    /**
     * The ordered pairs already counted for the current customer. Customers buy tens to a few thousand distinct items,
     * so the pairs of their local item numbers fit in a bit matrix (a 2,000-item customer needs 500 KB), which is
     * several times faster than hashing every pair; above {@value #MAX_BITSET_ITEMS} distinct items it falls back to
     * a hash set.
     */
    private static final class PairsSeen {

        private static final int MAX_BITSET_ITEMS = 4096;

        private final int[] localNumber;
        private final int[] localOwner;
        private final LongIntHashMap hashed = new LongIntHashMap(1024);
        private long[] bits = new long[64];
        private int distinct;
        private boolean useBits;

        PairsSeen(int itemBound) {
            this.localNumber = new int[itemBound];
            this.localOwner = new int[itemBound];
            Arrays.fill(localOwner, -1);
        }

        void startCustomer(int customer, int[] bought) {
            distinct = 0;
            for (int item : bought) {
                if (localOwner[item] != customer) {
                    localOwner[item] = customer;
                    localNumber[item] = distinct++;
                }
            }
            useBits = distinct <= MAX_BITSET_ITEMS;
            if (useBits) {
                int words = (int) (((long) distinct * distinct + 63) >>> 6);
                if (bits.length < words) {
                    bits = new long[words];
                } else {
                    Arrays.fill(bits, 0, words, 0L);
                }
            } else {
                hashed.clear();
            }
        }

        /** True the first time this customer's pair (a, b) is offered. */
        boolean firstTime(int a, int b) {
            if (!useBits) {
                return hashed.putIfAbsent(((long) a << 32) | b, 0);
            }
            long bit = (long) localNumber[a] * distinct + localNumber[b];
            int word = (int) (bit >>> 6);
            long mask = 1L << (bit & 63);
            if ((bits[word] & mask) != 0) {
                return false;
            }
            bits[word] |= mask;
            return true;
        }
    }

    @FunctionalInterface
    private interface SequenceVisitor {
        void visit(long pair, long gapMillis);
    }
}

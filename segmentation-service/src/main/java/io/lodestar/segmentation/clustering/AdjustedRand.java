package io.lodestar.segmentation.clustering;

import java.util.HashMap;
import java.util.Map;

/**
 * The adjusted Rand index (Hubert and Arabie 1985) of two labellings of the same items: 1 for the same partition whatever
 * the label values, about 0 for agreement at chance level, negative below it. Written here rather than taken from
 * {@code smile.validation.metric.AdjustedRandIndex} because Smile returns NaN when both labellings are trivial (one
 * cluster each, or all singletons each), where the partitions are identical and the index is 1 by the usual convention
 * (also scikit-learn's). Pair counts are exact in {@code long}.
 */
final class AdjustedRand {

    private AdjustedRand() {
    }

    static double index(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labellings differ in length: " + a.length + " and " + b.length);
        }
        int n = a.length;
        if (n < 2) {
            throw new IllegalArgumentException("the adjusted Rand index needs at least 2 items, got " + n);
        }
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Long> columns = new HashMap<>();
        Map<Long, Long> cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            rows.merge(a[i], 1L, Long::sum);
            columns.merge(b[i], 1L, Long::sum);
            cells.merge(((long) a[i] << 32) | (b[i] & 0xFFFFFFFFL), 1L, Long::sum);
        }
        long index = pairsOf(cells);
        long rowPairs = pairsOf(rows);
        long columnPairs = pairsOf(columns);
        double allPairs = n * (n - 1L) / 2.0;
        double expected = (double) rowPairs * columnPairs / allPairs;
        double maximum = (rowPairs + columnPairs) / 2.0;
        if (maximum == expected) {
            return 1.0; // only when both labellings are one cluster, or both all singletons: the same partition
        }
        return (index - expected) / (maximum - expected);
    }

    private static long pairsOf(Map<?, Long> counts) {
        long pairs = 0;
        for (long count : counts.values()) {
            pairs += count * (count - 1) / 2;
        }
        return pairs;
    }
}

package io.lodestar.segmentation.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two runs' labellings. Cluster ids are arbitrary between runs, so agreement is measured on pairs of customers
 * (same cluster in both runs or different in both) with the adjusted Rand index, which also corrects for the agreement
 * expected by chance. Stateless.
 */
public final class ClusteringStability {

    private ClusteringStability() {
    }

    /**
     * The adjusted Rand index of {@code previous} and {@code current} (customerId → cluster id, e.g.
     * {@link ClusteringResult#labels()}) on the customers present in both.
     *
     * @throws IllegalArgumentException when fewer than 2 customers are common, as no pair can be compared
     */
    public static StabilityReport compare(Map<String, Integer> previous, Map<String, Integer> current) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : previous.entrySet()) {
            Integer other = current.get(entry.getKey());
            if (other != null && entry.getValue() != null) {
                a.add(entry.getValue());
                b.add(other);
            }
        }
        if (a.size() < 2) {
            throw new IllegalArgumentException("stability needs at least 2 customers common to both runs, found " + a.size());
        }
        int[] left = a.stream().mapToInt(Integer::intValue).toArray();
        int[] right = b.stream().mapToInt(Integer::intValue).toArray();
        return new StabilityReport(left.length, AdjustedRand.index(left, right));
    }
}

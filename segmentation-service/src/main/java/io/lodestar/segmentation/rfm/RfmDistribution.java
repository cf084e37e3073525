package io.lodestar.segmentation.rfm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many scored customers each group of the scheme holds. Every group of the scheme is listed, empty ones with 0, in
 * the enum's order, so that runs can be compared group by group.
 *
 * @param scored number of scored customers, the sum of the counts
 * @param counts customers per group
 */
public record RfmDistribution(int scored, Map<RfmGroup, Integer> counts) {

    public RfmDistribution {
        Objects.requireNonNull(counts, "counts");
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        long sum = counts.values().stream().mapToLong(Integer::longValue).sum();
        if (sum != scored) {
            throw new IllegalArgumentException("counts add up to " + sum + ", not to the " + scored + " scored customers");
        }
    }

    /** Customers in {@code group}; 0 for a group of the other scheme. */
    public int count(RfmGroup group) {
        return counts.getOrDefault(group, 0);
    }

    /** Share of the scored customers in {@code group}, 0 to 1 (0 when nobody was scored). */
    public double share(RfmGroup group) {
        return scored == 0 ? 0 : (double) count(group) / scored;
    }

    /** The distribution of {@code perOrdinal[i]} customers in {@code groups[i]}. */
    static RfmDistribution of(RfmGroup[] groups, int[] perOrdinal) {
        Map<RfmGroup, Integer> counts = new LinkedHashMap<>();
        int scored = 0;
        for (int i = 0; i < groups.length; i++) {
            counts.put(groups[i], perOrdinal[i]);
            scored += perOrdinal[i];
        }
        return new RfmDistribution(scored, counts);
    }
}

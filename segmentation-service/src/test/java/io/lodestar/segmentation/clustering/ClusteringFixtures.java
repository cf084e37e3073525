package io.lodestar.segmentation.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Customers for the clustering tests: hand-made ones and small synthetic populations of well-separated groups. */
final class ClusteringFixtures {

    /**
     * Six shopper archetypes far apart in the log-scaled space (each pair differs by a factor of 2 or more on several
     * features), with a favourite category and channel each: recency, frequency, monetary, views, favourites, cart adds,
     * abandonment rate, discount share.
     */
    static final double[][] ARCHETYPES = {
            {3, 20, 5_000, 300, 30, 60, 0.10, 0.05},
            {300, 1, 20, 5, 0, 1, 0.90, 0.80},
            {10, 3, 100, 800, 60, 40, 0.80, 0.20},
            {60, 8, 800, 40, 2, 10, 0.30, 0.70},
            {150, 2, 2_000, 15, 1, 3, 0.10, 0.00},
            {30, 5, 300, 120, 10, 15, 0.50, 0.40},
    };
    static final String[] CATEGORIES = {"Beauty", "Garden", "Toys", "Fashion", "Electronics", "Books"};
    static final String[] CHANNELS = {"app", "web", "email", "social", "store", "app"};

    private ClusteringFixtures() {
    }

    static ClusteringCustomer customer(String id, double recencyDays, double frequency, double monetary) {
        return new ClusteringCustomer(id, recencyDays, frequency, monetary, 10, 1, 2, 0.5, 0.2, Map.of(), Map.of());
    }

    /** {@code perGroup[g]} customers of archetype g with ±10 % log-normal noise; ids are {@code g<group>-<index>}. */
    static List<ClusteringCustomer> groups(int[] perGroup, long seed) {
        Random random = new Random(seed);
        List<ClusteringCustomer> customers = new ArrayList<>();
        for (int g = 0; g < perGroup.length; g++) {
            for (int i = 0; i < perGroup[g]; i++) {
                customers.add(member(g, "g" + g + "-" + i, random));
            }
        }
        return customers;
    }

    /** {@code size} customers of each of the six archetypes. */
    static List<ClusteringCustomer> sixGroups(int size, long seed) {
        return groups(new int[] {size, size, size, size, size, size}, seed);
    }

    /** A fresh customer of archetype {@code group}. */
    static ClusteringCustomer member(int group, String id, Random random) {
        double[] a = ARCHETYPES[group];
        double spend = noisy(a[2], random);
        return new ClusteringCustomer(id, noisy(a[0], random), noisy(a[1], random), spend, noisy(a[3], random),
                noisy(a[4], random), noisy(a[5], random), rate(a[6], random), rate(a[7], random),
                Map.of(CATEGORIES[group], spend * 0.8, "Other", spend * 0.2),
                Map.of(CHANNELS[group], noisy(20, random), "other", noisy(2, random)));
    }

    /** The archetype index encoded in a fixture id. */
    static int groupOf(String customerId) {
        return Integer.parseInt(customerId.substring(1, customerId.indexOf('-')));
    }

    private static double noisy(double value, Random random) {
        return value * Math.exp(0.1 * random.nextGaussian());
    }

    private static double rate(double value, Random random) {
        return Math.min(1, Math.max(0, value + 0.02 * random.nextGaussian()));
    }
}

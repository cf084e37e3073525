package io.lodestar.segmentation.clustering;

/**
 * One feature of one cluster.
 *
 * @param feature          the feature's {@link Feature#name() name}
 * @param zScore           the cluster centroid on this feature in the scaled space (= standardised mean difference to
 *                         the population)
 * @param centroid         the centroid in original units (days, orders, money, counts, rate or share); for log-scaled
 *                         features a typical member's value
 * @param clusterMean      arithmetic mean of the raw values over the cluster's customers
 * @param populationMean   arithmetic mean of the raw values over all customers
 */
public record FeatureProfile(String feature, double zScore, double centroid, double clusterMean, double populationMean) {
}

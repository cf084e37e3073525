package io.lodestar.segmentation.clustering;

/**
 * A feature on which a cluster differs most from the population.
 *
 * @param feature   the feature's {@link Feature#name() name}
 * @param zScore    the cluster's mean of the standardised feature: population standard deviations between the cluster's
 *                  mean and the population's (the standardised mean difference)
 * @param direction {@link Direction#HIGH} for a positive z-score
 */
public record DistinguishingFeature(String feature, double zScore, Direction direction) {
}

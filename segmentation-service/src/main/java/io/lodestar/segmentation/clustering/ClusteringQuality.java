package io.lodestar.segmentation.clustering;

/**
 * Quality of the final clustering (after the size floor), all in the scaled space.
 *
 * @param silhouette           mean silhouette on the sample, in [−1, 1]; higher is better, above about 0.25 there is
 *                             real structure; 0 with a single cluster
 * @param silhouetteSampleSize customers the silhouette was computed on
 * @param daviesBouldin        Davies–Bouldin index over all customers; lower is better; 0 with a single cluster
 * @param inertia              within-cluster sum of squared distances over all customers
 */
public record ClusteringQuality(double silhouette, int silhouetteSampleSize, double daviesBouldin, double inertia) {
}

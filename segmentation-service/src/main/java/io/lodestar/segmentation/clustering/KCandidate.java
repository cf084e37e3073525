package io.lodestar.segmentation.clustering;

/**
 * How one k of the range scored, so operators can see why k was chosen. Figures are of the best restart for that k,
 * before the size floor.
 *
 * @param k          clusters asked for
 * @param clusters   non-empty clusters obtained; below k only when the data has fewer distinct points than k
 * @param silhouette mean silhouette on the run's sample (higher is better; the chosen k has the highest)
 * @param inertia    within-cluster sum of squares over all customers, scaled space (always falls as k grows, so it is
 *                   shown for the elbow, not used to choose)
 */
public record KCandidate(int k, int clusters, double silhouette, double inertia) {
}

package io.lodestar.segmentation.clustering;

import java.util.List;
import java.util.Objects;

/**
 * A cluster described for marketers.
 *
 * @param clusterId          the dense id (0 is the largest cluster)
 * @param name               generated descriptive name, unique within the run (e.g. "recent high spenders, beauty-heavy")
 * @param size               customers in the cluster
 * @param share              {@code size} over all customers; shares of a run sum to 1
 * @param revenueShare       the cluster's net monetary over the population's; sums to 1 over a run, 0 for every cluster
 *                           when the population's net monetary is not positive; a cluster of net refunders is negative
 * @param features           every feature, in feature-space order
 * @param topCategories      categories with the largest share of the cluster's category spend, largest first
 * @param topChannels        channels with the largest share of the cluster's channel interactions, largest first
 * @param distinguishing     features with the largest absolute z-score, largest first (features with z = 0 are left out)
 */
public record ClusterProfile(int clusterId, String name, int size, double share, double revenueShare,
        List<FeatureProfile> features, List<ShareEntry> topCategories, List<ShareEntry> topChannels,
        List<DistinguishingFeature> distinguishing) {

    public ClusterProfile {
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
        topCategories = List.copyOf(topCategories);
        topChannels = List.copyOf(topChannels);
        distinguishing = List.copyOf(distinguishing);
    }
}

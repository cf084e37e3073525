package io.lodestar.segmentation.clustering;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one run, as plain numbers: nothing here refers to Smile.
 *
 * @param customers          customers clustered
 * @param chosenK            the k of the range with the highest sample silhouette (ties: the smaller k)
 * @param candidates         every k tried, in ascending order, with its silhouette and inertia
 * @param merges             size-floor merges applied to the chosen k's clusters, in order (ids before renumbering)
 * @param labels             customerId → final cluster id (dense, 0 = largest), in input order. A customer of a merged
 *                           cluster keeps the cluster it was merged into even where another centroid is nearer, so
 *                           {@link ClusterModel#assign} can differ from its label for those few customers
 * @param model              scaler parameters and scaled centroids, index = cluster id; store it to place new customers
 * @param centroidsOriginal  the centroids in original units, index = cluster id
 * @param quality            silhouette, Davies–Bouldin and inertia of the final clusters
 * @param profiles           one profile per final cluster, index = cluster id
 */
public record ClusteringResult(int customers, int chosenK, List<KCandidate> candidates, List<ClusterMerge> merges,
        Map<String, Integer> labels, ClusterModel model, List<List<Double>> centroidsOriginal, ClusteringQuality quality,
        List<ClusterProfile> profiles) {

    public ClusteringResult {
        candidates = List.copyOf(candidates);
        merges = List.copyOf(merges);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        Objects.requireNonNull(model, "model");
        centroidsOriginal = centroidsOriginal.stream().map(List::copyOf).toList();
        Objects.requireNonNull(quality, "quality");
        profiles = List.copyOf(profiles);
        if (labels.size() != customers) {
            throw new IllegalArgumentException(labels.size() + " labels for " + customers + " customers");
        }
        if (profiles.size() != model.clusterCount() || centroidsOriginal.size() != model.clusterCount()) {
            throw new IllegalArgumentException("need one profile and one original centroid per cluster");
        }
    }

    /** Clusters after the size floor. */
    public int clusterCount() {
        return model.clusterCount();
    }

    /** The scaler parameters (feature order, means, stds). */
    public FeatureSpace featureSpace() {
        return model.space();
    }
}

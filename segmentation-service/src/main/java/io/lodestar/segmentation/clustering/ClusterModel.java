package io.lodestar.segmentation.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a run leaves behind to place customers later without re-clustering and without Smile: the scaler (the
 * {@link FeatureSpace}) and the centroids in the scaled space. Store both as numbers; rebuild with
 * {@code new ClusterModel(new FeatureSpace(features, means, stds), centroids)}. Cluster ids are the list indices.
 *
 * @param space     the features and their standardisation parameters
 * @param centroids one centroid per cluster, each with one value per feature of {@code space}, in the scaled space
 */
public record ClusterModel(FeatureSpace space, List<List<Double>> centroids) {

    public ClusterModel {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(centroids, "centroids");
        if (centroids.isEmpty()) {
            throw new IllegalArgumentException("a cluster model needs at least one centroid");
        }
        List<List<Double>> copy = new ArrayList<>(centroids.size());
        for (int c = 0; c < centroids.size(); c++) {
            List<Double> centroid = List.copyOf(Objects.requireNonNull(centroids.get(c), "centroids[" + c + "]"));
            if (centroid.size() != space.dimension()) {
                throw new IllegalArgumentException("centroid " + c + " has " + centroid.size() + " values, the space has "
                        + space.dimension() + " features");
            }
            for (double value : centroid) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("centroid " + c + " has a non-finite value " + value);
                }
            }
            copy.add(centroid);
        }
        centroids = List.copyOf(copy);
    }

    public int clusterCount() {
        return centroids.size();
    }

    /**
     * The cluster whose centroid is nearest (Euclidean, scaled space) to the customer; ties go to the lower id. For the
     * customers of the run itself this is their label, except that rows of a cluster merged by the size floor may be
     * nearer another centroid (see {@link ClusteringResult#labels()}).
     */
    public int assign(ClusteringCustomer customer) {
        return nearest(space.scale(customer));
    }

    /** The cluster whose centroid is nearest to a point already in the scaled space. */
    public int nearest(double[] scaled) {
        Objects.requireNonNull(scaled, "scaled");
        if (scaled.length != space.dimension()) {
            throw new IllegalArgumentException("point has " + scaled.length + " values, the space has " + space.dimension()
                    + " features");
        }
        return Vectors.nearest(scaled, scaledCentroids());
    }

    /** Each centroid in original units (see {@link FeatureSpace#toOriginalUnits(double[])}). */
    public List<List<Double>> centroidsInOriginalUnits() {
        List<List<Double>> original = new ArrayList<>(centroids.size());
        for (List<Double> centroid : centroids) {
            original.add(Vectors.toList(space.toOriginalUnits(Vectors.toArray(centroid))));
        }
        return List.copyOf(original);
    }

    double[][] scaledCentroids() {
        double[][] array = new double[centroids.size()][];
        for (int c = 0; c < array.length; c++) {
            array[c] = Vectors.toArray(centroids.get(c));
        }
        return array;
    }
}

package io.lodestar.segmentation.clustering;

import java.util.Arrays;

/**
 * A labelling of the scaled rows with dense cluster ids, ordered by size (cluster 0 is the largest; equal sizes keep the
 * order of the labels they came from), and each cluster's centroid as the mean of its rows. Empty clusters, which k-means
 * leaves when the data has fewer distinct points than k, are dropped rather than carried with undefined centroids.
 * Internal and mutable only by construction: the arrays are never handed out.
 */
final class Partition {

    private final int[] labels;
    private final double[][] centroids;
    private final int[] sizes;

    private Partition(int[] labels, double[][] centroids, int[] sizes) {
        this.labels = labels;
        this.centroids = centroids;
        this.sizes = sizes;
    }

    /** The partition of {@code x} given by {@code rawLabels} (any non-negative ids), renumbered and with mean centroids. */
    static Partition of(double[][] x, int[] rawLabels) {
        if (x.length == 0 || x.length != rawLabels.length) {
            throw new IllegalArgumentException("need one label per row, got " + rawLabels.length + " for " + x.length);
        }
        int maxLabel = 0;
        for (int label : rawLabels) {
            if (label < 0) {
                throw new IllegalArgumentException("labels must not be negative, was " + label);
            }
            maxLabel = Math.max(maxLabel, label);
        }
        int[] rawSizes = new int[maxLabel + 1];
        for (int label : rawLabels) {
            rawSizes[label]++;
        }
        Integer[] order = new Integer[rawSizes.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> rawSizes[a] != rawSizes[b] ? Integer.compare(rawSizes[b], rawSizes[a])
                : Integer.compare(a, b));
        int[] renumber = new int[rawSizes.length];
        int k = 0;
        for (int raw : order) {
            renumber[raw] = rawSizes[raw] > 0 ? k++ : -1;
        }
        int d = x[0].length;
        int[] labels = new int[x.length];
        int[] sizes = new int[k];
        double[][] centroids = new double[k][d];
        for (int i = 0; i < x.length; i++) {
            int label = renumber[rawLabels[i]];
            labels[i] = label;
            sizes[label]++;
            for (int j = 0; j < d; j++) {
                centroids[label][j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                centroids[c][j] /= sizes[c];
            }
        }
        return new Partition(labels, centroids, sizes);
    }

    int clusterCount() {
        return sizes.length;
    }

    int rows() {
        return labels.length;
    }

    int label(int row) {
        return labels[row];
    }

    int size(int cluster) {
        return sizes[cluster];
    }

    int[] labels() {
        return labels.clone();
    }

    double[] centroid(int cluster) {
        return centroids[cluster].clone();
    }

    double[][] centroids() {
        double[][] copy = new double[centroids.length][];
        for (int c = 0; c < copy.length; c++) {
            copy[c] = centroids[c].clone();
        }
        return copy;
    }

    /** Sum of squared distances of the rows to their own centroid (within-cluster sum of squares). */
    double inertia(double[][] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Vectors.squaredDistance(x[i], centroids[labels[i]]);
        }
        return sum;
    }
}

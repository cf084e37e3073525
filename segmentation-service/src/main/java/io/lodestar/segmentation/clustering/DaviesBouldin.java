package io.lodestar.segmentation.clustering;

/**
 * The Davies–Bouldin index (1979): the mean over clusters of max_j (S_i + S_j) / M_ij, where S_i is the mean Euclidean
 * distance of cluster i's rows to its centroid and M_ij the distance between centroids i and j. Lower is better (0 for
 * points sitting on their centroids). It complements the silhouette: linear in n, so it is computed on every row, and it
 * looks at centroids, which is what campaigns target. With a single cluster it is 0 by convention (undefined); two
 * distinct clusters with coincident centroids give +∞.
 */
final class DaviesBouldin {

    private DaviesBouldin() {
    }

    static double index(double[][] x, Partition partition) {
        int k = partition.clusterCount();
        if (k < 2) {
            return 0;
        }
        double[][] centroids = partition.centroids();
        double[] scatter = new double[k];
        for (int i = 0; i < x.length; i++) {
            int c = partition.label(i);
            scatter[c] += Vectors.distance(x[i], centroids[c]);
        }
        for (int c = 0; c < k; c++) {
            scatter[c] /= partition.size(c);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double worst = 0;
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    double separation = Vectors.distance(centroids[i], centroids[j]);
                    double spread = scatter[i] + scatter[j];
                    double ratio = separation > 0 ? spread / separation : spread > 0 ? Double.POSITIVE_INFINITY : 0;
                    worst = Math.max(worst, ratio);
                }
            }
            sum += worst;
        }
        return sum / k;
    }
}

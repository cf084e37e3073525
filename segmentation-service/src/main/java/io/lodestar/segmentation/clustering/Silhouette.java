package io.lodestar.segmentation.clustering;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean silhouette (Rousseeuw 1987) with Euclidean distances: for a row i in cluster A, a(i) is its mean distance to
 * the other rows of A and b(i) the smallest mean distance to the rows of another cluster; s(i) = (b − a) / max(a, b), in
 * [−1, 1], higher when clusters are tight and apart. A row alone in its cluster (within the evaluated rows) scores 0, as
 * does every row when only one cluster is present: the silhouette is undefined there and 0 is the usual convention.
 *
 * <p>It needs all pairwise distances, O(m²·d) time, so it runs on a {@link #sample sample} of m rows, with O(m·k) memory:
 * distances are computed on the fly, each pair once.
 */
final class Silhouette {

    private Silhouette() {
    }

    /** Mean silhouette of the rows {@code rows} of {@code x} under {@code labels} (dense ids below {@code clusters}). */
    static double mean(double[][] x, int[] labels, int clusters, int[] rows) {
        int m = rows.length;
        if (m == 0) {
            throw new IllegalArgumentException("the silhouette needs at least one row");
        }
        int[] counts = new int[clusters];
        int[] label = new int[m];
        for (int i = 0; i < m; i++) {
            label[i] = labels[rows[i]];
            counts[label[i]]++;
        }
        double[][] distanceSums = new double[m][clusters];
        for (int i = 0; i < m; i++) {
            double[] xi = x[rows[i]];
            for (int j = i + 1; j < m; j++) {
                double distance = Vectors.distance(xi, x[rows[j]]);
                distanceSums[i][label[j]] += distance;
                distanceSums[j][label[i]] += distance;
            }
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            int own = label[i];
            if (counts[own] < 2) {
                continue; // a singleton scores 0
            }
            double a = distanceSums[i][own] / (counts[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < clusters; c++) {
                if (c != own && counts[c] > 0) {
                    b = Math.min(b, distanceSums[i][c] / counts[c]);
                }
            }
            if (b == Double.POSITIVE_INFINITY) {
                continue; // one cluster only: 0
            }
            double scale = Math.max(a, b);
            total += scale == 0 ? 0 : (b - a) / scale;
        }
        return total / m;
    }

    /**
     * {@code min(size, n)} distinct row indices out of {@code n}, drawn uniformly with a generator seeded by {@code seed}
     * (a partial Fisher–Yates shuffle), in ascending order; all rows when the sample would not be smaller.
     */
    static int[] sample(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (size >= n) {
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] sample = Arrays.copyOf(all, size);
        Arrays.sort(sample);
        return sample;
    }
}

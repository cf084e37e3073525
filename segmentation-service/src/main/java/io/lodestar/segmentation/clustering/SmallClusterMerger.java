package io.lodestar.segmentation.clustering;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the floor on segment size: a cluster holding less than {@code minShare} of the rows is too small to run a
 * campaign for and too noisy to trust, so it is merged into the cluster with the nearest centroid. Merges go one at a
 * time, smallest cluster first (ties: lower id), and the receiving centroid is recomputed (size-weighted mean, i.e. the
 * mean of the union) before the next choice, so a chain of small clusters ends up where their combined centre is nearest.
 * Merging stops when every cluster meets the floor or one cluster is left. Rows keep the cluster they were merged into:
 * no reassignment follows, so the few rows of a merged cluster may lie nearer to another centroid than to their own.
 */
final class SmallClusterMerger {

    /** The merged partition (dense ids ordered by size) and the merges, in the ids of the partition given. */
    record Outcome(Partition partition, List<ClusterMerge> merges) {
        Outcome {
            merges = List.copyOf(merges);
        }
    }

    private SmallClusterMerger() {
    }

    static Outcome merge(double[][] x, Partition partition, double minShare) {
        int k = partition.clusterCount();
        int n = partition.rows();
        double[][] centroids = partition.centroids();
        int[] sizes = new int[k];
        int[] target = new int[k]; // where each fitted cluster's rows end up
        boolean[] alive = new boolean[k];
        for (int c = 0; c < k; c++) {
            sizes[c] = partition.size(c);
            target[c] = c;
            alive[c] = true;
        }
        List<ClusterMerge> merges = new ArrayList<>();
        int living = k;
        while (living > 1) {
            int smallest = -1;
            for (int c = 0; c < k; c++) {
                if (alive[c] && (double) sizes[c] / n < minShare && (smallest < 0 || sizes[c] < sizes[smallest])) {
                    smallest = c;
                }
            }
            if (smallest < 0) {
                break;
            }
            int into = -1;
            double nearest = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (alive[c] && c != smallest) {
                    double distance = Vectors.squaredDistance(centroids[smallest], centroids[c]);
                    if (distance < nearest) {
                        nearest = distance;
                        into = c;
                    }
                }
            }
            merges.add(new ClusterMerge(smallest, into, sizes[smallest]));
            int combined = sizes[into] + sizes[smallest];
            for (int j = 0; j < centroids[into].length; j++) {
                centroids[into][j] = (centroids[into][j] * sizes[into] + centroids[smallest][j] * sizes[smallest]) / combined;
            }
            sizes[into] = combined;
            alive[smallest] = false;
            living--;
            for (int c = 0; c < k; c++) {
                if (target[c] == smallest) {
                    target[c] = into;
                }
            }
        }
        if (merges.isEmpty()) {
            return new Outcome(partition, merges);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = target[partition.label(i)];
        }
        return new Outcome(Partition.of(x, labels), merges);
    }
}

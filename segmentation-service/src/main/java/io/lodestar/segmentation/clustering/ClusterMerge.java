package io.lodestar.segmentation.clustering;

/**
 * One application of the size floor: a fitted cluster below the minimum share was merged into its nearest neighbour. Ids
 * are those of the fitted k-means partition (before the merges renumbered the clusters), so operators can see why a run
 * asked for k clusters delivers fewer.
 *
 * @param mergedCluster fitted id of the small cluster
 * @param intoCluster   fitted id of the cluster it joined (which may itself have absorbed earlier merges)
 * @param customers     how many customers the small cluster held
 */
public record ClusterMerge(int mergedCluster, int intoCluster, int customers) {

    public ClusterMerge {
        if (mergedCluster < 0 || intoCluster < 0 || mergedCluster == intoCluster) {
            throw new IllegalArgumentException("a merge joins two different clusters, got " + mergedCluster + " into "
                    + intoCluster);
        }
        if (customers < 1) {
            throw new IllegalArgumentException("a merged cluster holds at least one customer, was " + customers);
        }
    }
}

package io.lodestar.segmentation.clustering;

/** The phases of a run, in order, as reported to {@link ClusteringProgress}. */
public enum ClusteringPhase {
    /** Building features and standardising them. */
    SCALING,
    /** k-means restarts for one k of the range. */
    FITTING,
    /** The sample silhouette of one k. */
    SILHOUETTE,
    /** Applying the size floor. */
    MERGING,
    /** Quality metrics of the final clusters. */
    QUALITY,
    /** Cluster profiles and names. */
    PROFILING,
    /** The result is ready (100 %). */
    DONE
}

package io.lodestar.segmentation.clustering;

/**
 * Receives progress of a run, so a job resource can show per-phase progress. Called on the thread running the clustering,
 * synchronously: keep it cheap (store the numbers). An exception thrown here aborts the run and propagates to the caller,
 * which is how a job can be cancelled.
 */
@FunctionalInterface
public interface ClusteringProgress {

    /** Ignores progress. */
    ClusteringProgress NONE = (phase, percent) -> {
    };

    /**
     * @param phase   what the run is doing now
     * @param percent overall progress 0–100, never decreasing within a run; 100 only with {@link ClusteringPhase#DONE}
     */
    void update(ClusteringPhase phase, int percent);
}

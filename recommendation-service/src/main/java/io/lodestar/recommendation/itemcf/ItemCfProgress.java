package io.lodestar.recommendation.itemcf;

/**
 * Receives training progress, so a job resource can show it. Called from the training threads, possibly concurrently
 * and slightly out of order: keep it cheap and thread-safe (store the largest value seen). An exception thrown here
 * aborts the training and reaches the caller of {@link ItemCfTrainer#train}, which is how a job can be cancelled.
 */
@FunctionalInterface
public interface ItemCfProgress {

    /** Ignores progress. */
    ItemCfProgress NONE = (done, total) -> {
    };

    /**
     * @param done  items whose neighbours are computed so far
     * @param total items in the catalogue
     */
    void itemsDone(int done, int total);
}

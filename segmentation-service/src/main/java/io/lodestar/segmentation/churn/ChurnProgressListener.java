package io.lodestar.segmentation.churn;

/**
 * Receives the progress of a churn run: each phase reports {@code 0.0} when it starts and {@code 1.0} when it ends, and
 * feature building and scoring report fractions in between (every {@value #REPORT_EVERY} customers). Called on the thread
 * that runs the job; a listener that throws aborts the run with its exception, which is how a job can be cancelled.
 */
@FunctionalInterface
public interface ChurnProgressListener {

    /** How many customers feature building and scoring process between two reports. */
    int REPORT_EVERY = 1024;

    /** A listener that ignores progress. */
    ChurnProgressListener NONE = (phase, fraction) -> {
    };

    /**
     * @param fraction share of the phase done, 0 to 1, non-decreasing within a phase
     */
    void onProgress(ChurnPhase phase, double fraction);
}

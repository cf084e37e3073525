package io.lodestar.recommendation.als;

import java.time.Duration;

/** Told after each training iteration (a job reports it as per-phase progress). Called on the training thread. */
@FunctionalInterface
public interface AlsProgress {

    /** A listener that ignores progress. */
    AlsProgress NONE = (iteration, loss, elapsed) -> { };

    /**
     * @param iteration 1-based number of the iteration just finished
     * @param loss      the objective over all cells after it, or {@link Double#NaN} when
     *                  {@link AlsParameters#computeLoss()} is off
     * @param elapsed   training time since the start of the run
     */
    void iterationDone(int iteration, double loss, Duration elapsed);
}

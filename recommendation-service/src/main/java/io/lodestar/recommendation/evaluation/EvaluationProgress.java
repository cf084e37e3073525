package io.lodestar.recommendation.evaluation;

/**
 * Receives the progress of an {@link OfflineEvaluation} run, so a job resource can show it. Called synchronously on the
 * thread that called {@code run} (never from the parallel scoring workers): keep it cheap. An exception thrown here
 * aborts the run and propagates, which is how a job is cancelled.
 */
@FunctionalInterface
public interface EvaluationProgress {

    /** Ignores progress. */
    EvaluationProgress NONE = (model, phase, percent) -> {
    };

    /**
     * @param model   the model being worked on, or {@code null} with {@link EvaluationPhase#DONE}
     * @param phase   what the run is doing now
     * @param percent overall progress 0–100, never decreasing; 100 only with {@link EvaluationPhase#DONE}
     */
    void update(String model, EvaluationPhase phase, int percent);
}

package io.lodestar.recommendation.evaluation;

/** What an evaluation run is doing, as reported to {@link EvaluationProgress}. */
public enum EvaluationPhase {
    /** Training one model on the split's training matrix. */
    TRAINING,
    /** Computing every evaluated user's top-k with one model. */
    RECOMMENDING,
    /** Computing one model's metrics. */
    SCORING,
    /** Every model is done (100 %). */
    DONE
}

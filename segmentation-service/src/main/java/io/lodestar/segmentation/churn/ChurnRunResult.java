package io.lodestar.segmentation.churn;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a churn run.
 *
 * @param model    the model trained on the training cutoff, as numbers, to store
 * @param training the in-sample evaluation on the training cutoff (its base rate and size; an AUC far above the
 *                 holdout's is a sign of overfitting)
 * @param holdout  the evaluation on the later cutoff, the figure to report
 * @param scores   one score per customer with a paid order by the scoring instant, in ascending customerId order
 */
public record ChurnRunResult(ChurnModel model, ChurnEvaluation training, ChurnEvaluation holdout, List<ChurnScore> scores) {

    public ChurnRunResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(holdout, "holdout");
        scores = List.copyOf(scores);
    }
}

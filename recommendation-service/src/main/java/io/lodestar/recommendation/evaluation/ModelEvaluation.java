package io.lodestar.recommendation.evaluation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One model's row group of the evaluation table.
 *
 * @param model          the model's name (the key it was given to the run)
 * @param accuracy       the accuracy metrics for each requested k, in increasing k
 * @param coverageK      the k the beyond-accuracy metrics were taken at: the largest requested k
 * @param coverage       catalogue coverage at {@code coverageK} ({@link CatalogueCoverage})
 * @param longTailShare  share of the top-{@code coverageK} slots that went to long-tail items ({@link LongTail})
 * @param usersEvaluated users with at least one relevant item, the same for every model of a run
 * @param trainingTime   wall-clock time the model's factory took on the training matrix
 */
public record ModelEvaluation(String model, List<AccuracyAtK> accuracy, int coverageK, double coverage,
        double longTailShare, int usersEvaluated, Duration trainingTime) {

    public ModelEvaluation {
        Objects.requireNonNull(model, "model");
        accuracy = List.copyOf(accuracy);
        Objects.requireNonNull(trainingTime, "trainingTime");
    }

    /** The metrics at {@code k}; {@link IllegalArgumentException} if k was not requested. */
    public AccuracyAtK at(int k) {
        return accuracy.stream().filter(row -> row.k() == k).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("k = " + k + " was not evaluated"));
    }
}

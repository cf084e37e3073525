package io.lodestar.segmentation.rfm;

import java.util.List;
import java.util.Objects;

/**
 * Scores a population of customers under an {@link RfmModel}: values, scores, class or segment and code per customer,
 * the unscored customers, and the distribution. Stateless and thread-safe.
 *
 * <p>Runs in O(n log n) time (the customerId sort that rejects duplicates and fixes the tie order, plus three value sorts
 * for quintiles) and O(n) memory in primitive arrays; per customer it allocates only the result: the
 * {@link ScoredCustomer} and its {@link RfmValues} (scores and codes are shared instances), or the
 * {@link UnscoredCustomer}. CPU-bound for large populations: callers on a request path run it as a job.
 */
public final class RfmScorer {

    /**
     * @throws IllegalArgumentException for a duplicate customerId or inputs that contradict the model's asOf or window
     */
    public RfmResult score(List<RfmInput> inputs, RfmModel model) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(model, "model");
        ScoringPopulation population = ScoringPopulation.of(inputs, model.asOf(), model.window());
        RfmScheme scheme = model.scheme();
        if (scheme instanceof ThresholdScheme threshold) {
            return ThresholdScoring.score(population, threshold);
        }
        if (scheme instanceof QuintileScheme) {
            return QuintileScoring.score(population);
        }
        throw new IllegalStateException("unsupported scheme " + scheme.getClass().getSimpleName());
    }
}

package io.lodestar.segmentation.churn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores the current population with a model: features as of {@code asOf} (no label, the future is unknown), a
 * probability and a risk level per customer with a paid order at or before {@code asOf}. Needs no Smile, so a stored
 * {@link ChurnModel} can re-score daily without retraining. CPU-bound for large populations: run it in a job.
 */
public final class ChurnScorer {

    private final ChurnFeatureBuilder builder = new ChurnFeatureBuilder();

    /**
     * @throws ChurnRunException {@link ChurnRunFailure#SCORING_AFTER_HISTORY_END} when {@code asOf} is after the history
     */
    public List<ChurnScore> score(ChurnModel model, ChurnHistory history, Instant asOf, ChurnRiskPolicy policy) {
        return score(model, history, asOf, policy, ChurnProgressListener.NONE);
    }

    /** As {@link #score(ChurnModel, ChurnHistory, Instant, ChurnRiskPolicy)}, reporting the {@code scoring} phase. */
    public List<ChurnScore> score(ChurnModel model, ChurnHistory history, Instant asOf, ChurnRiskPolicy policy,
            ChurnProgressListener progress) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(progress, "progress");
        if (asOf.isAfter(history.historyEnd())) {
            throw new ChurnRunException(ChurnRunFailure.SCORING_AFTER_HISTORY_END, ChurnPhase.SCORING, "cannot score as of "
                    + asOf + ": the history ends at " + history.historyEnd() + ", so recency would count unseen days");
        }
        progress.onProgress(ChurnPhase.SCORING, 0);
        int total = Math.max(1, history.size());
        // features take the first half of the phase, probabilities the second
        FeatureMatrix features = builder.features(history, asOf, model.features(),
                done -> progress.onProgress(ChurnPhase.SCORING, 0.5 * done / total));
        double[][] rows = features.rowsUnsafe();
        List<ChurnScore> scores = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            scores.add(ChurnScore.of(features.customerIds().get(i), model.probability(rows[i]), model.horizonDays(), policy));
            if ((i + 1) % ChurnProgressListener.REPORT_EVERY == 0) {
                progress.onProgress(ChurnPhase.SCORING, 0.5 + 0.5 * (i + 1) / rows.length);
            }
        }
        progress.onProgress(ChurnPhase.SCORING, 1);
        return List.copyOf(scores);
    }
}

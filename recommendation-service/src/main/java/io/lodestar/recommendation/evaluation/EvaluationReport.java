package io.lodestar.recommendation.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The result of an {@link OfflineEvaluation} run: one {@link ModelEvaluation} per model (the baselines first, then the
 * caller's models in the order of its map) and what the split kept and lost.
 */
public record EvaluationReport(List<ModelEvaluation> models, SplitSummary split) {

    public EvaluationReport {
        models = List.copyOf(models);
        Objects.requireNonNull(split, "split");
    }

    /** The evaluation of the model named {@code name}; {@link IllegalArgumentException} if there is none. */
    public ModelEvaluation model(String name) {
        return models.stream().filter(model -> model.model().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model named " + name));
    }
}

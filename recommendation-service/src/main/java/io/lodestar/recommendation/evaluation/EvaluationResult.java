package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * What a finished evaluation measured: the table (baselines first) and what the split kept and lost.
 *
 * @param weightedAsOf the instant interaction weights were decayed to (the time split's cut)
 * @param split        customers tested, cold start, evaluated, relevant and dropped pairs
 * @param models       one row per model
 */
public record EvaluationResult(Instant weightedAsOf, SplitSummary split, List<ModelResultView> models) {

    static EvaluationResult of(EvaluationReport report, Instant weightedAsOf) {
        return new EvaluationResult(weightedAsOf, report.split(),
                report.models().stream().map(ModelResultView::of).toList());
    }
}

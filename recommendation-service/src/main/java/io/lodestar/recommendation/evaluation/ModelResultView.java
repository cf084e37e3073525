package io.lodestar.recommendation.evaluation;

import java.util.List;

/**
 * One model's row of an evaluation table.
 *
 * @param model          item-cf, als, association, popularity or random
 * @param metrics        precision, recall, NDCG, MAP and hit rate per requested k
 * @param coverageK      the k coverage and long-tail share were measured at (the largest requested)
 * @param coverage       share of the training catalogue that appears in some top-coverageK list
 * @param longTailShare  share of the top-coverageK slots that went to long-tail items (outside the 80 % head)
 * @param usersEvaluated customers averaged over (the same for every model of one evaluation)
 * @param trainingMillis how long the model took to train on the split's training matrix
 */
public record ModelResultView(String model, List<AccuracyAtK> metrics, int coverageK, double coverage,
        double longTailShare, int usersEvaluated, long trainingMillis) {

    static ModelResultView of(ModelEvaluation evaluation) {
        return new ModelResultView(evaluation.model(), evaluation.accuracy(), evaluation.coverageK(),
                evaluation.coverage(), evaluation.longTailShare(), evaluation.usersEvaluated(),
                evaluation.trainingTime().toMillis());
    }
}

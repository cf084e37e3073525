package io.lodestar.recommendation.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.lodestar.recommendation.als.AlsModel;
import io.lodestar.recommendation.als.AlsParameters;
import io.lodestar.recommendation.als.ImplicitAlsTrainer;
import io.lodestar.recommendation.association.AssociationRuleMiner;
import io.lodestar.recommendation.association.BoughtTogether;
import io.lodestar.recommendation.association.RuleParameters;
import io.lodestar.recommendation.itemcf.ItemCfParameters;
import io.lodestar.recommendation.itemcf.ItemCfTrainer;
import io.lodestar.recommendation.itemcf.ItemNeighbours;
import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.model.Recommender;

/**
 * The personalised models an evaluation trains, by the names serving reports them under, each trained the way a
 * training run trains it. {@link OfflineEvaluation} adds the popularity and random baselines itself.
 */
public final class EvaluatedModels {

    private EvaluatedModels() {
    }

    /**
     * Item-CF, implicit ALS and association rules (the last only when there are training baskets: rules mined from no
     * orders would be an empty model, not a measurement).
     *
     * @param baskets training orders' items in the training matrix's column indices ({@link EvaluationInput})
     */
    public static Map<String, Function<InteractionMatrix, Recommender>> of(ItemCfParameters itemCf,
            AlsParameters als, RuleParameters rules, int[][] baskets) {
        Map<String, Function<InteractionMatrix, Recommender>> models = new LinkedHashMap<>();
        models.put(ItemNeighbours.NAME, matrix -> ItemCfTrainer.train(matrix, itemCf, (done, total) -> { }));
        // The loss is only progress information; computing it costs a pass over every cell per iteration.
        models.put(AlsModel.NAME, matrix -> ImplicitAlsTrainer.train(matrix, als.withComputeLoss(false),
                (iteration, loss, elapsed) -> { }));
        if (baskets.length > 0) {
            models.put(BoughtTogether.NAME, matrix -> BoughtTogether.of(AssociationRuleMiner.mine(baskets, rules)));
        }
        return models;
    }
}

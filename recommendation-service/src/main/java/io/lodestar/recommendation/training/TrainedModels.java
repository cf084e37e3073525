package io.lodestar.recommendation.training;

import java.util.List;
import java.util.Map;

import io.lodestar.recommendation.als.AlsModel;
import io.lodestar.recommendation.association.AssociationRule;
import io.lodestar.recommendation.itemcf.ItemNeighbours;
import io.lodestar.recommendation.popularity.PopularityRanking;
import io.lodestar.recommendation.sequence.SequentialRule;

/** What one training run produced, before it is stored as a version. */
public record TrainedModels(List<String> itemIds, int customers, int interactions, ItemNeighbours itemCf,
                            AlsModel als, List<AssociationRule> rules, List<SequentialRule> sequences,
                            Map<String, Map<String, PopularityRanking>> rankings, HourOfWeekLift timeOfDay) {
}

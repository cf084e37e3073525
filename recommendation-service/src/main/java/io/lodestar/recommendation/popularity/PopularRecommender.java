package io.lodestar.recommendation.popularity;

import java.util.ArrayList;
import java.util.List;

import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.model.Recommender;
import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

/**
 * Recommends the most popular items of one {@link PopularityRanking} (global, or one group's) to everyone. The history is
 * ignored: the same list for every customer, including items the customer already has, which serving filters out.
 */
public final class PopularRecommender implements Recommender {

    /** The model name reported with each recommendation and in evaluation tables. */
    public static final String NAME = "popularity";

    private final List<ScoredItem> ranked;

    public PopularRecommender(PopularityRanking ranking) {
        List<ScoredItem> items = new ArrayList<>(ranking.size());
        for (int rank = 0; rank < ranking.size(); rank++) {
            items.add(new ScoredItem(ranking.item(rank), ranking.score(rank), ScoredItem.NO_ANCHOR));
        }
        this.ranked = List.copyOf(items);
    }

    /** Trains on a whole matrix (the global ranking); fits {@code Function<InteractionMatrix, Recommender>}. */
    public static PopularRecommender train(InteractionMatrix matrix) {
        return new PopularRecommender(PopularityRanking.global(matrix));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ScoredItem> recommend(UserHistory history, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        return ranked.subList(0, Math.min(n, ranked.size()));
    }
}

package io.lodestar.recommendation.popularity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

class PopularRecommenderTest {

    private final PopularRecommender recommender =
            new PopularRecommender(PopularityRanking.of(new int[] {4, 1, 3}, new float[] {9f, 5f, 5f}));

    @Test
    void recommendsTheRankingTopNWithoutAnAnchor() {
        List<ScoredItem> top = recommender.recommend(UserHistory.EMPTY, 2);

        assertThat(top).containsExactly(new ScoredItem(4, 9.0, ScoredItem.NO_ANCHOR),
                new ScoredItem(1, 5.0, ScoredItem.NO_ANCHOR));
        assertThat(recommender.name()).isEqualTo("popularity");
    }

    @Test
    void ignoresTheHistoryAndMayReturnItsItems() {
        UserHistory ownsItemFour = new UserHistory(new int[] {4}, new float[] {1f});

        assertThat(recommender.recommend(ownsItemFour, 3)).extracting(ScoredItem::item).containsExactly(4, 1, 3);
    }

    @Test
    void asksForMoreThanRankedReturnAllRanked() {
        assertThat(recommender.recommend(UserHistory.EMPTY, 10)).hasSize(3);
        assertThat(recommender.recommend(UserHistory.EMPTY, 0)).isEmpty();
    }
}

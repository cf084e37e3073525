package io.lodestar.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

class RandomRecommenderTest {

    private static final UserHistory HISTORY = new UserHistory(new int[] {3, 8}, new float[] {1f, 1f});

    @Test
    void drawsDistinctItemsInsideTheCatalogueWithDecreasingPositiveScores() {
        List<ScoredItem> items = new RandomRecommender(1_000, 7).recommend(HISTORY, 20);

        assertThat(items).hasSize(20);
        assertThat(items).extracting(ScoredItem::item).doesNotHaveDuplicates().allMatch(i -> i >= 0 && i < 1_000);
        assertThat(items).extracting(ScoredItem::score).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allMatch(score -> score > 0);
        assertThat(items).extracting(ScoredItem::because).containsOnly(ScoredItem.NO_ANCHOR);
    }

    @Test
    void sameSeedAndHistoryGiveTheSameListAndOtherSeedsDiffer() {
        List<ScoredItem> first = new RandomRecommender(1_000, 7).recommend(HISTORY, 10);

        assertThat(new RandomRecommender(1_000, 7).recommend(HISTORY, 10)).isEqualTo(first);
        assertThat(new RandomRecommender(1_000, 8).recommend(HISTORY, 10)).isNotEqualTo(first);
        assertThat(new RandomRecommender(1_000, 7).recommend(UserHistory.EMPTY, 10)).isNotEqualTo(first);
    }

    @Test
    void askingForTheWholeCatalogueOrMoreReturnsEveryItemOnce() {
        List<ScoredItem> items = new RandomRecommender(6, 1).recommend(HISTORY, 10);

        assertThat(items).extracting(ScoredItem::item).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(new RandomRecommender(0, 1).recommend(HISTORY, 3)).isEmpty();
    }
}

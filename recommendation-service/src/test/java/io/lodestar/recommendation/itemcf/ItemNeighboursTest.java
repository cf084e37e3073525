package io.lodestar.recommendation.itemcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

class ItemNeighboursTest {

    private static final double S01 = 0.5f;
    private static final double S02 = (float) (3 / Math.sqrt(66));
    private static final double S12 = (float) (4 / Math.sqrt(66));

    private final ItemNeighbours model = ItemCfTrainer.train(ItemCfTrainerTest.fourByFour(),
            ItemCfTrainerTest.cosine(2), ItemCfProgress.NONE);

    @Test
    void scoresAreWeightedSumsOfSimilaritiesExplainedByTheLargestContribution() {
        List<ScoredItem> result = model.recommend(new UserHistory(new int[] { 1, 2 }, new float[] { 1, 2 }), 10);

        // i0: 1·sim(1,0) + 2·sim(2,0) = 0.5 + 0.739, mostly thanks to i2; i1: 2·sim(2,1); i2: 1·sim(1,2)
        assertThat(result).extracting(ScoredItem::item).containsExactly(0, 1, 2);
        assertThat(result.get(0).score()).isCloseTo(S01 + 2 * S02, within(1e-9));
        assertThat(result.get(0).because()).isEqualTo(2);
        assertThat(result.get(1).score()).isCloseTo(2 * S12, within(1e-9));
        assertThat(result.get(1).because()).isEqualTo(2);
        assertThat(result.get(2).score()).isCloseTo(S12, within(1e-9));
        assertThat(result.get(2).because()).isEqualTo(1);
    }

    @Test
    void negativeHistoryWeightsSubtractAndNonPositiveScoresAreOmitted() {
        List<ScoredItem> result = model.recommend(new UserHistory(new int[] { 0, 1 }, new float[] { 1, -1 }), 10);

        // i2: sim(0,2) − sim(1,2) < 0; i1: +0.5 from i0; i0: −0.5 from i1
        assertThat(result).containsExactly(new ScoredItem(1, S01, 0));
    }

    @Test
    void cutsToN() {
        List<ScoredItem> result = model.recommend(new UserHistory(new int[] { 1, 2 }, new float[] { 1, 2 }), 1);

        assertThat(result).extracting(ScoredItem::item).containsExactly(0);
        assertThat(model.recommend(UserHistory.EMPTY, 5)).isEmpty();
        assertThat(model.recommend(new UserHistory(new int[] { 1 }, new float[] { 1 }), 0)).isEmpty();
    }

    @Test
    void ignoresHistoryItemsUnknownToTheModel() {
        List<ScoredItem> result = model.recommend(new UserHistory(new int[] { 0, 9 }, new float[] { 1, 1 }), 10);

        assertThat(result).extracting(ScoredItem::item).containsExactly(1, 2);
    }

    @Test
    void similarListsNeighboursExplainedByTheItemItself() {
        assertThat(model.similar(2, 5)).containsExactly(new ScoredItem(1, S12, 2), new ScoredItem(0, S02, 2));
        assertThat(model.similar(2, 1)).hasSize(1);
        assertThat(model.similar(3, 5)).isEmpty();
        assertThat(model.similar(17, 5)).isEmpty();
        assertThat(model.name()).isEqualTo("item-cf");
    }

    @Test
    void restoresFromItsNumbers() {
        int[][] neighbours = new int[model.itemCount()][];
        float[][] similarities = new float[model.itemCount()][];
        for (int item = 0; item < model.itemCount(); item++) {
            neighbours[item] = model.neighboursOf(item);
            similarities[item] = model.similaritiesOf(item);
        }

        ItemNeighbours restored = ItemNeighbours.restore(neighbours, similarities);
        neighbours[0][0] = 3; // the restored model keeps its own copy

        UserHistory history = new UserHistory(new int[] { 1, 2 }, new float[] { 1, 2 });
        assertThat(restored.recommend(history, 10)).isEqualTo(model.recommend(history, 10));
        assertThat(restored.neighboursOf(0)).containsExactly(1, 2);
    }

    @Test
    void restoreRejectsArraysThatAreNotAModel() {
        assertThatThrownBy(() -> ItemNeighbours.restore(new int[][] { { 0 } }, new float[][] { { 1f } }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad neighbour");
        assertThatThrownBy(() -> ItemNeighbours.restore(new int[][] { { 1, 2 }, {}, {} },
                new float[][] { { 0.1f, 0.2f }, {}, {} }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("best first");
        assertThatThrownBy(() -> ItemNeighbours.restore(new int[][] { { 1 }, {} }, new float[][] { {}, {} }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> ItemNeighbours.restore(new int[][] { {} }, new float[][] { {}, {} }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.lodestar.recommendation.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

class SequentialRecommenderTest {

    private static final List<SequentialRule> RULES = List.of(
            new SequentialRule(0, 1, 5, 3, 0.375, 0.6, 0.96, 25),
            new SequentialRule(1, 2, 5, 1, 0.125, 0.2, 0.2 / 0.375, 1),
            new SequentialRule(3, 2, 4, 2, 0.25, 0.5, 1.5, 10),
            new SequentialRule(3, 1, 4, 1, 0.125, 0.25, 0.4, 3));

    private final SequentialRecommender model = SequentialRecommender.of(RULES);

    @Test
    void scoresConsequentsByConfidenceTimesLiftOfTheStrongestRule() {
        List<ScoredItem> result = model.recommend(new UserHistory(new int[] { 0, 3 }, new float[] { 1, 2 }), 10);

        // 2 ← 3: 0.5·1.5 = 0.75; 1 ← 0: 0.6·0.96 = 0.576 beats 1 ← 3: 0.25·0.4 = 0.1
        assertThat(result).extracting(ScoredItem::item).containsExactly(2, 1);
        assertThat(result.get(0).score()).isCloseTo(0.75, within(1e-12));
        assertThat(result.get(0).because()).isEqualTo(3);
        assertThat(result.get(1).score()).isCloseTo(0.576, within(1e-12));
        assertThat(result.get(1).because()).isEqualTo(0);
        assertThat(model.recommend(new UserHistory(new int[] { 0, 3 }, new float[] { 1, 2 }), 1)).hasSize(1);
        assertThat(model.name()).isEqualTo("sequential");
    }

    @Test
    void ignoresRejectedHistoryItemsAndNeverProposesThem() {
        // 3 was refunded: it triggers nothing; 1 was "not interested": not proposed although 0 → 1
        UserHistory history = new UserHistory(new int[] { 0, 1, 3 }, new float[] { 1, -1, -1 });

        assertThat(model.recommend(history, 10)).isEmpty();
        assertThat(model.recommend(UserHistory.EMPTY, 10)).isEmpty();
    }

    @Test
    void followUpsListAnItemsRulesStrongestFirst() {
        assertThat(model.followUps(3, 5)).extracting(ScoredItem::item).containsExactly(2, 1);
        assertThat(model.followUps(3, 5)).extracting(ScoredItem::because).containsOnly(3);
        assertThat(model.followUps(3, 1)).hasSize(1);
        assertThat(model.followUps(2, 5)).isEmpty();
    }

    @Test
    void restoresFromItsArrays() {
        SequentialRecommender restored = SequentialRecommender.restore(model.antecedents(), model.consequents(),
                model.confidences(), model.lifts());
        UserHistory history = new UserHistory(new int[] { 0, 1, 3 }, new float[] { 1, 1, 1 });

        assertThat(restored.recommend(history, 10)).isEqualTo(model.recommend(history, 10)).hasSize(2);
        assertThatThrownBy(() -> SequentialRecommender.restore(new int[] { 1 }, new int[] { 1 }, new double[] { 1 },
                new double[] { 1 })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequentialRecommender.restore(new int[] { 1 }, new int[] { 2 }, new double[] { 0 },
                new double[] { 1 })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequentialRecommender.restore(new int[] { 1 }, new int[] {}, new double[] {},
                new double[] {})).isInstanceOf(IllegalArgumentException.class);
    }
}

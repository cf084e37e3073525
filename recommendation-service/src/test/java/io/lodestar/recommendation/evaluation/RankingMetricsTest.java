package io.lodestar.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /** Relevance [1, 0, 1] with two relevant items. */
    private static final int[] RANKED = {10, 20, 30};
    private static final int[] RELEVANT = {10, 30};

    @Test
    void allMetricsAtThreeOnRelevanceOneZeroOne() {
        assertThat(RankingMetrics.hits(RANKED, RELEVANT, 3)).isEqualTo(2);
        assertThat(RankingMetrics.precision(RANKED, RELEVANT, 3)).isCloseTo(2.0 / 3, EXACT);
        assertThat(RankingMetrics.recall(RANKED, RELEVANT, 3)).isCloseTo(1.0, EXACT);
        assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 3)).isCloseTo((1 + 1 / 2.0) / (1 + 1 / LOG2_3), EXACT);
        assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 3)).isCloseTo((1 + 2.0 / 3) / 2, EXACT);
        assertThat(RankingMetrics.hitRate(RANKED, RELEVANT, 3)).isEqualTo(1.0);
    }

    @Test
    void cutAtOneAndTwo() {
        assertThat(RankingMetrics.precision(RANKED, RELEVANT, 1)).isCloseTo(1.0, EXACT);
        assertThat(RankingMetrics.recall(RANKED, RELEVANT, 1)).isCloseTo(0.5, EXACT);
        assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 1)).isCloseTo(1.0, EXACT);
        // normalised by min(k, |R|) = 1, so the perfect top-1 scores 1
        assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 1)).isCloseTo(1.0, EXACT);

        assertThat(RankingMetrics.precision(RANKED, RELEVANT, 2)).isCloseTo(0.5, EXACT);
        assertThat(RankingMetrics.ndcg(RANKED, RELEVANT, 2)).isCloseTo(1 / (1 + 1 / LOG2_3), EXACT);
        assertThat(RankingMetrics.averagePrecision(RANKED, RELEVANT, 2)).isCloseTo(0.5, EXACT);
    }

    @Test
    void aShortListIsNotRewardedForItsMissingSlots() {
        int[] one = {5};
        int[] relevant = {5};

        assertThat(RankingMetrics.precision(one, relevant, 3)).isCloseTo(1.0 / 3, EXACT);
        assertThat(RankingMetrics.recall(one, relevant, 3)).isCloseTo(1.0, EXACT);
        assertThat(RankingMetrics.ndcg(one, relevant, 3)).isCloseTo(1.0, EXACT);
        assertThat(RankingMetrics.averagePrecision(one, relevant, 3)).isCloseTo(1.0, EXACT);
    }

    @Test
    void moreRelevantItemsThanKCapTheIdealAtK() {
        int[] ranked = {1, 2};
        int[] relevant = {1, 2, 3, 4};

        assertThat(RankingMetrics.recall(ranked, relevant, 2)).isCloseTo(0.5, EXACT);
        assertThat(RankingMetrics.ndcg(ranked, relevant, 2)).isCloseTo(1.0, EXACT);
        assertThat(RankingMetrics.averagePrecision(ranked, relevant, 2)).isCloseTo(1.0, EXACT);
    }

    @Test
    void noHitMeansZeroEverywhere() {
        int[] ranked = {7, 8};
        int[] relevant = {1};

        assertThat(RankingMetrics.precision(ranked, relevant, 2)).isZero();
        assertThat(RankingMetrics.recall(ranked, relevant, 2)).isZero();
        assertThat(RankingMetrics.ndcg(ranked, relevant, 2)).isZero();
        assertThat(RankingMetrics.averagePrecision(ranked, relevant, 2)).isZero();
        assertThat(RankingMetrics.hitRate(ranked, relevant, 2)).isZero();
    }

    @Test
    void averageSkipsUsersWithoutRelevantItems() {
        List<int[]> ranked = List.of(RANKED, new int[] {7, 8}, new int[] {1});
        List<int[]> relevant = List.of(RELEVANT, new int[] {1}, new int[0]);

        AccuracyAtK mean = RankingMetrics.average(2, ranked, relevant);

        assertThat(mean.users()).isEqualTo(2);
        assertThat(mean.precision()).isCloseTo((0.5 + 0) / 2, EXACT);
        assertThat(mean.recall()).isCloseTo((0.5 + 0) / 2, EXACT);
        assertThat(mean.ndcg()).isCloseTo(1 / (1 + 1 / LOG2_3) / 2, EXACT);
        assertThat(mean.map()).isCloseTo(0.25, EXACT);
        assertThat(mean.hitRate()).isCloseTo(0.5, EXACT);
    }

    @Test
    void averageOverNobodyIsZeroWithZeroUsers() {
        AccuracyAtK mean = RankingMetrics.average(5, List.of(new int[] {1}), List.of(new int[0]));

        assertThat(mean).isEqualTo(new AccuracyAtK(5, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void rejectsUndefinedInputs() {
        assertThatThrownBy(() -> RankingMetrics.recall(RANKED, new int[0], 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankingMetrics.precision(RANKED, RELEVANT, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankingMetrics.average(1, List.of(RANKED), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

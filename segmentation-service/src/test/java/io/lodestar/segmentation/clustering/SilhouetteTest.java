package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The silhouette on cases small enough to compute by hand, and the sample it runs on. */
class SilhouetteTest {

    private static final double[][] LINE = {{0}, {1}, {4}, {5}};
    private static final int[] ALL = {0, 1, 2, 3};

    @Test
    void twoPairsOnALine() {
        // Point 0: a = 1, b = (4 + 5) / 2 = 4.5, s = 3.5 / 4.5 = 7/9. Point 1: a = 1, b = (3 + 4) / 2, s = 2.5 / 3.5 = 5/7.
        // Points 4 and 5 mirror them, so the mean is (7/9 + 5/7) / 2 = 47/63.
        double silhouette = Silhouette.mean(LINE, new int[] {0, 0, 1, 1}, 2, ALL);

        assertThat(silhouette).isCloseTo(47.0 / 63, within(1e-12));
    }

    @Test
    void aBadSplitScoresNegative() {
        // {0, 4} and {1, 5}. Point 0: a = 4, b = (1 + 5) / 2 = 3, s = −1/4. Point 4: a = 4, b = (3 + 1) / 2 = 2, s = −1/2.
        // Point 1: a = 4, b = (1 + 3) / 2 = 2, s = −1/2. Point 5: a = 4, b = (5 + 1) / 2 = 3, s = −1/4. Mean −3/8.
        double silhouette = Silhouette.mean(LINE, new int[] {0, 1, 0, 1}, 2, ALL);

        assertThat(silhouette).isCloseTo(-3.0 / 8, within(1e-12));
    }

    @Test
    void aSingletonScoresZeroAndCountsInTheMean() {
        // {0, 1}, {4}, {5}. Point 0: a = 1, b = min(4, 5) = 4, s = 3/4; point 1: a = 1, b = min(3, 4) = 3, s = 2/3;
        // 4 and 5 are singletons and score 0. Mean (3/4 + 2/3) / 4.
        double silhouette = Silhouette.mean(LINE, new int[] {0, 0, 1, 2}, 3, ALL);

        assertThat(silhouette).isCloseTo((3.0 / 4 + 2.0 / 3) / 4, within(1e-12));
    }

    @Test
    void oneClusterScoresZero() {
        assertThat(Silhouette.mean(LINE, new int[] {0, 0, 0, 0}, 1, ALL)).isZero();
    }

    @Test
    void onlyTheSampledRowsCount() {
        // Rows 0, 1 and 3: point 0: a = 1, b = 5, s = 4/5; point 1: a = 1, b = 4, s = 3/4; point 5 alone in the sample: 0.
        double silhouette = Silhouette.mean(LINE, new int[] {0, 0, 1, 1}, 2, new int[] {0, 1, 3});

        assertThat(silhouette).isCloseTo((4.0 / 5 + 3.0 / 4) / 3, within(1e-12));
    }

    @Test
    void theSampleIsDistinctSortedSeededAndAllRowsWhenSmall() {
        int[] sample = Silhouette.sample(1_000, 50, 7);

        assertThat(sample).hasSize(50).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(sample).allMatch(i -> i >= 0 && i < 1_000)).isTrue();
        assertThat(Silhouette.sample(1_000, 50, 7)).containsExactly(sample);
        assertThat(Silhouette.sample(1_000, 50, 8)).isNotEqualTo(sample);
        assertThat(Silhouette.sample(5, 50, 7)).containsExactly(0, 1, 2, 3, 4);
    }
}

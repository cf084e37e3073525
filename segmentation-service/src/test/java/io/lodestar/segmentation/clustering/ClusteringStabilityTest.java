package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import smile.validation.metric.AdjustedRandIndex;

/** The adjusted Rand index and the comparison of two runs by customerId. */
class ClusteringStabilityTest {

    @Test
    void identicalLabellingsScoreOne() {
        int[] labels = {0, 0, 1, 1, 2, 2, 2};

        assertThat(AdjustedRand.index(labels, labels)).isEqualTo(1.0);
    }

    @Test
    void renamedClustersScoreOne() {
        assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1, 2, 2}, new int[] {7, 7, 3, 3, 0, 0})).isEqualTo(1.0);
    }

    @Test
    void aKnownValue() {
        // Contingency {0: (2 in 0, 1 in 1)}, {1: (1 in 1, 2 in 2)}: Σ C(nij, 2) = 2; rows C(3,2)·2 = 6; columns
        // C(2,2)·3 = 3; C(6,2) = 15; expected 6·3/15 = 1.2; max (6 + 3)/2 = 4.5; ARI = 0.8 / 3.3 = 8/33.
        assertThat(AdjustedRand.index(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}))
                .isCloseTo(8.0 / 33, within(1e-12));
    }

    @Test
    void agreesWithSmileOnRandomLabellings() {
        Random random = new Random(1);
        for (int round = 0; round < 20; round++) {
            int[] a = new int[200];
            int[] b = new int[200];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextInt(5);
                b[i] = random.nextBoolean() ? a[i] : random.nextInt(4);
            }
            assertThat(AdjustedRand.index(a, b)).isCloseTo(AdjustedRandIndex.of(a, b), within(1e-9));
        }
    }

    @Test
    void trivialIdenticalPartitionsScoreOneWhereSmileGivesNaN() {
        assertThat(AdjustedRandIndex.of(new int[] {0, 0, 0}, new int[] {1, 1, 1})).isNaN();
        assertThat(AdjustedRand.index(new int[] {0, 0, 0}, new int[] {1, 1, 1})).isEqualTo(1.0);
        assertThat(AdjustedRand.index(new int[] {0, 1, 2}, new int[] {2, 0, 1})).isEqualTo(1.0);
        assertThat(AdjustedRand.index(new int[] {0, 0, 0}, new int[] {0, 1, 2})).isZero();
    }

    @Test
    void runsAreComparedOnTheirCommonCustomersOnly() {
        Map<String, Integer> previous = new LinkedHashMap<>();
        previous.put("a", 0);
        previous.put("b", 0);
        previous.put("c", 1);
        previous.put("gone", 1);
        Map<String, Integer> current = new LinkedHashMap<>();
        current.put("c", 4);
        current.put("new", 4);
        current.put("b", 2);
        current.put("a", 2);

        StabilityReport report = ClusteringStability.compare(previous, current);

        assertThat(report.commonCustomers()).isEqualTo(3);
        assertThat(report.adjustedRandIndex()).isEqualTo(1.0);
    }

    @Test
    void fewerThanTwoCommonCustomersCannotBeCompared() {
        assertThatThrownBy(() -> ClusteringStability.compare(Map.of("a", 0, "b", 1), Map.of("a", 3, "c", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 customers common to both runs, found 1");
    }
}

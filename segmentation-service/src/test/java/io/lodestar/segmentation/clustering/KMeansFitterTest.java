package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The Smile adapter: seeded restarts, best distortion kept, degenerate data handled. */
class KMeansFitterTest {

    private static double[][] scaled(List<ClusteringCustomer> customers) {
        return FeatureSpace.fit(customers, 0, 0).scaleAll(customers);
    }

    @Test
    void theSameSeedGivesTheSameClusters() {
        double[][] x = scaled(ClusteringFixtures.sixGroups(20, 1));

        Partition first = new KMeansFitter(x).fit(7, 3, 100, 1e-4, 99, restart -> { });
        Partition second = new KMeansFitter(x).fit(7, 3, 100, 1e-4, 99, restart -> { });

        assertThat(second.labels()).containsExactly(first.labels());
        assertThat(second.centroids()).isDeepEqualTo(first.centroids());
    }

    @Test
    void moreRestartsNeverEndWorseBecauseTheFirstRestartsAreTheSame() {
        // Overlapping groups at a k that does not match them: restarts land in different local minima.
        double[][] x = scaled(ClusteringFixtures.groups(new int[] {40, 40, 40, 40, 40, 40}, 5));
        double single = new KMeansFitter(x).fit(4, 1, 200, 1e-12, 3, restart -> { }).inertia(x);
        double previous = single;
        for (int restarts = 2; restarts <= 6; restarts++) {
            double inertia = new KMeansFitter(x).fit(4, restarts, 200, 1e-12, 3, restart -> { }).inertia(x);
            assertThat(inertia).as("%d restarts", restarts).isLessThanOrEqualTo(previous * (1 + 1e-9));
            previous = inertia;
        }
        assertThat(previous).as("with this seed a later restart finds a better minimum").isLessThan(single * 0.95);
    }

    @Test
    void everyRestartIsReported() {
        double[][] x = scaled(ClusteringFixtures.sixGroups(5, 1));
        List<Integer> reported = new ArrayList<>();

        new KMeansFitter(x).fit(3, 4, 100, 1e-4, 1, reported::add);

        assertThat(reported).containsExactly(1, 2, 3, 4);
    }

    @Test
    void fewerDistinctPointsThanKLeaveNoEmptyClusters() {
        double[][] x = new double[10][];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i < 5 ? 0 : 1, 0};
        }

        Partition partition = new KMeansFitter(x).fit(5, 2, 100, 1e-4, 1, restart -> { });

        assertThat(partition.clusterCount()).isEqualTo(2);
        assertThat(partition.size(0) + partition.size(1)).isEqualTo(10);
        for (double[] centroid : partition.centroids()) {
            assertThat(centroid).doesNotContain(Double.NaN);
        }
    }

    @Test
    void kOutsideTwoToTheRowCountIsRejected() {
        KMeansFitter fitter = new KMeansFitter(new double[][] {{0}, {1}, {2}});

        assertThatThrownBy(() -> fitter.fit(4, 1, 10, 1e-4, 1, r -> { })).hasMessageContaining("k must be within 2..3");
        assertThatThrownBy(() -> fitter.fit(1, 1, 10, 1e-4, 1, r -> { })).hasMessageContaining("k must be within 2..3");
    }

    @Test
    void perKSeedsDifferAcrossKAndSeeds() {
        assertThat(KMeansFitter.seedFor(42, 5)).isNotEqualTo(KMeansFitter.seedFor(42, 6))
                .isNotEqualTo(KMeansFitter.seedFor(43, 5)).isEqualTo(KMeansFitter.seedFor(42, 5));
    }
}

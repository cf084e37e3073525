package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The floor on cluster size: who is merged, where to, and what the result looks like. */
class SmallClusterMergerTest {

    /** {@code count} one-dimensional rows at {@code value}, labelled {@code label}. */
    private static void add(List<double[]> rows, List<Integer> labels, int count, double value, int label) {
        for (int i = 0; i < count; i++) {
            rows.add(new double[] {value});
            labels.add(label);
        }
    }

    private static Partition partition(List<double[]> rows, List<Integer> labels) {
        return Partition.of(rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void aClusterBelowTheFloorJoinsTheNearestCentroid() {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        add(rows, labels, 50, 0, 0);
        add(rows, labels, 48, 10, 1);
        add(rows, labels, 2, 8, 2); // 2 % of 100, nearer 10 than 0
        double[][] x = rows.toArray(new double[0][]);

        SmallClusterMerger.Outcome outcome = SmallClusterMerger.merge(x, partition(rows, labels), 0.03);

        Partition merged = outcome.partition();
        assertThat(outcome.merges()).containsExactly(new ClusterMerge(2, 1, 2));
        assertThat(merged.clusterCount()).isEqualTo(2);
        assertThat(merged.size(0)).isEqualTo(50);
        assertThat(merged.size(1)).isEqualTo(50);
        assertThat(merged.centroid(1)[0]).as("mean of the union").isCloseTo((48 * 10 + 2 * 8) / 50.0, within(1e-12));
        assertThat(merged.label(99)).isEqualTo(merged.label(50));
    }

    @Test
    void idsAreRenumberedDenselyLargestFirst() {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        add(rows, labels, 30, 0, 0);
        add(rows, labels, 1, 40, 1);
        add(rows, labels, 40, 100, 2);
        add(rows, labels, 29, 200, 3);
        double[][] x = rows.toArray(new double[0][]);
        Partition fitted = partition(rows, labels); // fitted ids by size: 100 → 0, 0 → 1, 200 → 2, 40 → 3

        SmallClusterMerger.Outcome outcome = SmallClusterMerger.merge(x, fitted, 0.05);

        assertThat(outcome.merges()).containsExactly(new ClusterMerge(3, 1, 1)); // 40 is nearer 0 than 100
        Partition merged = outcome.partition();
        assertThat(merged.clusterCount()).isEqualTo(3);
        assertThat(new int[] {merged.size(0), merged.size(1), merged.size(2)}).containsExactly(40, 31, 29);
        assertThat(merged.label(0)).isEqualTo(1);
        assertThat(merged.label(30)).as("the row at 40 joined the cluster at 0").isEqualTo(1);
        assertThat(merged.label(31)).isZero();
        assertThat(merged.label(99)).isEqualTo(2);
    }

    @Test
    void smallClustersMergeOneAtATimeSmallestFirstWithRecomputedCentroids() {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        add(rows, labels, 90, 0, 0);
        add(rows, labels, 6, 100, 1);
        add(rows, labels, 4, 60, 2);
        double[][] x = rows.toArray(new double[0][]);

        // Floor 10 %: the 4 at 60 go first, to the 6 at 100 (40 away, not 60); together 10 at 84, which meets the floor.
        SmallClusterMerger.Outcome outcome = SmallClusterMerger.merge(x, partition(rows, labels), 0.10);

        assertThat(outcome.merges()).containsExactly(new ClusterMerge(2, 1, 4));
        assertThat(outcome.partition().clusterCount()).isEqualTo(2);
        assertThat(outcome.partition().centroid(1)[0]).isCloseTo(84, within(1e-12));
    }

    @Test
    void withoutAFloorOrSmallClustersNothingChanges() {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        add(rows, labels, 99, 0, 0);
        add(rows, labels, 1, 9, 1);
        double[][] x = rows.toArray(new double[0][]);
        Partition fitted = partition(rows, labels);

        assertThat(SmallClusterMerger.merge(x, fitted, 0).merges()).isEmpty();
        assertThat(SmallClusterMerger.merge(x, fitted, 0.01).partition()).isSameAs(fitted); // 1 % is not below 1 %
    }

    @Test
    void mergingCanLeaveASingleCluster() {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        add(rows, labels, 3, 0, 0);
        add(rows, labels, 3, 5, 1);
        add(rows, labels, 4, 9, 2);
        double[][] x = rows.toArray(new double[0][]);

        SmallClusterMerger.Outcome outcome = SmallClusterMerger.merge(x, partition(rows, labels), 0.45);

        assertThat(outcome.partition().clusterCount()).isEqualTo(1);
        assertThat(outcome.merges()).hasSize(2);
    }
}

package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Davies–Bouldin index on one-dimensional cases computed by hand. */
class DaviesBouldinTest {

    @Test
    void twoClusters() {
        // {0, 2}: centroid 1, scatter 1. {10, 14}: centroid 12, scatter 2. Separation 11, so DB = (1 + 2) / 11.
        double[][] x = {{0}, {2}, {10}, {14}};
        Partition partition = Partition.of(x, new int[] {0, 0, 1, 1});

        assertThat(DaviesBouldin.index(x, partition)).isCloseTo(3.0 / 11, within(1e-12));
    }

    @Test
    void eachClusterTakesItsWorstNeighbour() {
        // A {0, 2} c 1 S 1; B {10, 14} c 12 S 2; C {20, 22} c 21 S 1.
        // R_AB = 3/11, R_AC = 2/20, R_BC = 3/9. D_A = 3/11, D_B = 1/3, D_C = 1/3; DB = (3/11 + 2/3) / 3 = 31/99.
        double[][] x = {{0}, {2}, {10}, {14}, {20}, {22}};
        Partition partition = Partition.of(x, new int[] {0, 0, 1, 1, 2, 2});

        assertThat(DaviesBouldin.index(x, partition)).isCloseTo(31.0 / 99, within(1e-12));
    }

    @Test
    void pointsOnTheirCentroidsScoreZeroAndOneClusterIsZero() {
        double[][] x = {{0, 0}, {0, 0}, {3, 4}, {3, 4}};

        assertThat(DaviesBouldin.index(x, Partition.of(x, new int[] {0, 0, 1, 1}))).isZero();
        assertThat(DaviesBouldin.index(x, Partition.of(x, new int[] {0, 0, 0, 0}))).isZero();
    }
}

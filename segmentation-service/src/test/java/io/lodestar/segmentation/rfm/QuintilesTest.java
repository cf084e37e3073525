package io.lodestar.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The rank → quintile rule, checked against what pandas' qcut on rank(method="first") gives. */
class QuintilesTest {

    @Test
    void smallPopulations() {
        assertThat(quintiles(1)).containsExactly(3);
        assertThat(quintiles(2)).containsExactly(1, 5);
        assertThat(quintiles(3)).containsExactly(1, 3, 5);
        assertThat(quintiles(5)).containsExactly(1, 2, 3, 4, 5);
        assertThat(quintiles(6)).containsExactly(1, 1, 2, 3, 4, 5);
        assertThat(quintiles(7)).containsExactly(1, 1, 2, 3, 4, 5, 5);
        assertThat(quintiles(10)).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    @Test
    void largePopulationsSplitIntoFifthsGiveOrTakeOne() {
        for (int n : new int[] {11, 99, 1000, 100_001, 123_457}) {
            int[] perQuintile = new int[6];
            for (int rank = 1; rank <= n; rank++) {
                perQuintile[Quintiles.ofRank(rank, n)]++;
            }
            for (int q = 1; q <= 5; q++) {
                assertThat(perQuintile[q]).as("quintile %d of %d", q, n).isBetween(n / 5 - 1, n / 5 + 1);
            }
        }
    }

    @Test
    void quintilesNeverDecreaseWithRank() {
        int[] q = quintiles(1234);
        for (int i = 1; i < q.length; i++) {
            assertThat(q[i]).isGreaterThanOrEqualTo(q[i - 1]);
        }
    }

    @Test
    void ranksOutsideThePopulationAreRejected() {
        assertThatThrownBy(() -> Quintiles.ofRank(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quintiles.ofRank(6, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] quintiles(int n) {
        return IntStream.rangeClosed(1, n).map(rank -> Quintiles.ofRank(rank, n)).toArray();
    }
}

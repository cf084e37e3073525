package io.lodestar.segmentation.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class IndexSortTest {

    @Test
    void sortsLikeTheJdksStableSortAcrossSizes() {
        Random random = new Random(3);
        for (int size : new int[] {0, 1, 2, 31, 32, 33, 64, 100, 1_000, 50_000}) {
            int[] keys = random.ints(size, 0, Math.max(1, size / 4)).toArray(); // many ties
            int[] indices = IndexSort.identity(size);

            IndexSort.sort(indices, (a, b) -> Integer.compare(keys[a], keys[b]));

            int[] expected = IntStream.range(0, size).boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> keys[i])) // List.sort is stable
                    .mapToInt(Integer::intValue).toArray();
            assertThat(indices).as("size %d", size).containsExactly(expected);
        }
    }

    @Test
    void equalElementsKeepTheirOrder() {
        int[] indices = {4, 2, 0, 3, 1};

        IndexSort.sort(indices, (a, b) -> 0);

        assertThat(indices).containsExactly(4, 2, 0, 3, 1);
    }
}

package io.lodestar.recommendation.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LongIntHashMapTest {

    @Test
    void behavesLikeAHashMapThroughGrowthAndClear() {
        LongIntHashMap map = new LongIntHashMap(4);
        Map<Long, Integer> reference = new HashMap<>();
        Random random = new Random(1);
        for (int k = 0; k < 20_000; k++) {
            long key = ((long) random.nextInt(300) << 32) | random.nextInt(300);
            map.add(key, 1);
            reference.merge(key, 1, Integer::sum);
        }

        assertThat(map.size()).isEqualTo(reference.size());
        reference.forEach((key, value) -> assertThat(map.get(key, -1)).isEqualTo(value));
        Map<Long, Integer> visited = new HashMap<>();
        map.forEach(visited::put);
        assertThat(visited).isEqualTo(reference);
        assertThat(map.putIfAbsent(7L << 32 | 1_000, 3)).isTrue();
        assertThat(map.putIfAbsent(7L << 32 | 1_000, 4)).isFalse();
        assertThat(map.get(7L << 32 | 1_000, -1)).isEqualTo(3);

        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.get(7L << 32 | 1_000, -1)).isEqualTo(-1);
    }
}

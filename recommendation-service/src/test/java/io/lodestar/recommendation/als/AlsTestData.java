package io.lodestar.recommendation.als;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.lodestar.recommendation.model.InteractionMatrix;

/** Small matrices for the ALS tests, built from fixed seeds. */
final class AlsTestData {

    private AlsTestData() {
    }

    static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            ids.add(prefix + k);
        }
        return ids;
    }

    /**
     * Two disjoint tastes: customers 0–3 bought from items 0–3 (block A), customers 4–7 from items 4–7 (block B);
     * each customer misses one item of their block, so there is something to recommend.
     */
    static InteractionMatrix twoBlocks() {
        InteractionMatrix.Builder builder = InteractionMatrix.builder(ids("c", 8), ids("i", 8));
        for (int customer = 0; customer < 8; customer++) {
            int block = customer < 4 ? 0 : 4;
            for (int item = block; item < block + 4; item++) {
                if (item - block != customer % 4) {
                    builder.add(customer, item, 1f + (customer + item) % 3);
                }
            }
        }
        return builder.build();
    }

    /** A random sparse matrix with about {@code density} of its cells filled, a few of them negative. */
    static InteractionMatrix random(int customers, int items, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InteractionMatrix.Builder builder = InteractionMatrix.builder(ids("c", customers), ids("i", items));
        for (int customer = 0; customer < customers; customer++) {
            for (int item = 0; item < items; item++) {
                if (random.nextDouble() < density) {
                    float weight = random.nextDouble() < 0.1 ? -1f : 1 + random.nextInt(3);
                    builder.add(customer, item, weight);
                }
            }
        }
        return builder.build();
    }
}

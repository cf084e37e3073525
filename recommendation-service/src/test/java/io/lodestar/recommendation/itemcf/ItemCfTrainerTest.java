package io.lodestar.recommendation.itemcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.InteractionMatrix;

class ItemCfTrainerTest {

    /**
     * 4 customers × 4 items. Positive item vectors over (c0, c1, c2, c3): i0 = (1,1,0,2), i1 = (2,1,1,0),
     * i2 = (0,1,3,1), i3 = (0,0,0,1); c2's −1 on i3 (a refund) is ignored for similarity.
     */
    static InteractionMatrix fourByFour() {
        return InteractionMatrix.builder(List.of("c0", "c1", "c2", "c3"), List.of("i0", "i1", "i2", "i3"))
                .add(0, 0, 1).add(0, 1, 2)
                .add(1, 0, 1).add(1, 1, 1).add(1, 2, 1)
                .add(2, 1, 1).add(2, 2, 3).add(2, 3, -1)
                .add(3, 0, 2).add(3, 2, 1).add(3, 3, 1)
                .build();
    }

    static ItemCfParameters cosine(int minCoCustomers) {
        return new ItemCfParameters(ItemSimilarity.COSINE, 50, minCoCustomers, 0, 1);
    }

    @Test
    void cosineMatchesHandComputedValues() {
        ItemNeighbours model = ItemCfTrainer.train(fourByFour(), cosine(2), ItemCfProgress.NONE);

        // i0·i1 = 1·2 + 1·1 = 3, ‖i0‖ = ‖i1‖ = √6 → 0.5; i0·i2 = 1 + 2 = 3 → 3/√66; i1·i2 = 1 + 3 = 4 → 4/√66
        assertThat(model.neighboursOf(0)).containsExactly(1, 2);
        assertThat(model.similaritiesOf(0)[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(model.similaritiesOf(0)[1]).isCloseTo((float) (3 / Math.sqrt(66)), within(1e-6f));
        assertThat(model.neighboursOf(1)).containsExactly(0, 2);
        assertThat(model.similaritiesOf(1)[1]).isCloseTo((float) (4 / Math.sqrt(66)), within(1e-6f));
        assertThat(model.neighboursOf(2)).containsExactly(1, 0);
        // i3 shares a single customer (c3) with i0 and with i2: below the minimum of 2
        assertThat(model.neighboursOf(3)).isEmpty();
    }

    @Test
    void minimumCoCustomersOfOneKeepsSingleCustomerPairsAndIgnoresNegativeWeights() {
        ItemNeighbours model = ItemCfTrainer.train(fourByFour(), cosine(1), ItemCfProgress.NONE);

        // i0·i3 = 2·1 = 2 → 2/√6 ≈ 0.816 now ranks first; i1 and i3 only "co-occur" through c2's refund
        assertThat(model.neighboursOf(0)).containsExactly(3, 1, 2);
        assertThat(model.similaritiesOf(0)[0]).isCloseTo((float) (2 / Math.sqrt(6)), within(1e-6f));
        assertThat(model.neighboursOf(3)).containsExactly(0, 2);
        assertThat(model.similaritiesOf(3)[1]).isCloseTo((float) (1 / Math.sqrt(11)), within(1e-6f));
        assertThat(model.neighboursOf(1)).doesNotContain(3);
    }

    @Test
    void jaccardMatchesHandComputedValuesAndBreaksTiesByItemIndex() {
        ItemNeighbours model = ItemCfTrainer.train(fourByFour(),
                cosine(1).withSimilarity(ItemSimilarity.JACCARD), ItemCfProgress.NONE);

        // customer sets: i0 {c0,c1,c3}, i1 {c0,c1,c2}, i2 {c1,c2,c3}, i3 {c3}
        // i0–i1, i0–i2, i1–i2: 2 shared / 4 in the union = 0.5 each; i0–i3, i2–i3: 1/3
        assertThat(model.neighboursOf(0)).containsExactly(1, 2, 3);
        assertThat(model.similaritiesOf(0)).containsExactly(0.5f, 0.5f, 1 / 3f);
        assertThat(model.neighboursOf(2)).containsExactly(0, 1, 3);
        assertThat(model.neighboursOf(3)).containsExactly(0, 2);
        assertThat(model.similaritiesOf(3)).containsExactly(1 / 3f, 1 / 3f);
    }

    @Test
    void keepsOnlyTheTopNNeighbours() {
        ItemNeighbours model = ItemCfTrainer.train(fourByFour(), cosine(1).withNeighbours(1), ItemCfProgress.NONE);

        assertThat(model.neighboursOf(0)).containsExactly(3);
        assertThat(model.neighboursOf(1)).containsExactly(0);
        assertThat(model.neighboursOf(2)).containsExactly(1);
        assertThat(model.neighboursOf(3)).containsExactly(0);
    }

    @Test
    void shrinkageScalesBySharedCustomers() {
        ItemNeighbours model = ItemCfTrainer.train(fourByFour(), cosine(2).withShrinkage(2), ItemCfProgress.NONE);

        // 0.5 · 2 / (2 + 2)
        assertThat(model.similaritiesOf(0)[0]).isCloseTo(0.25f, within(1e-6f));
    }

    @Test
    void matchesABruteForceCosineOnARandomMatrix() {
        InteractionMatrix matrix = randomMatrix(120, 40, 8, 11L);
        int n = 5;
        ItemNeighbours model = ItemCfTrainer.train(matrix, cosine(2).withNeighbours(n), ItemCfProgress.NONE);

        double[][] dense = new double[matrix.itemCount()][matrix.customerCount()];
        for (int c = 0; c < matrix.customerCount(); c++) {
            for (int cell = matrix.rowStart(c); cell < matrix.rowStart(c + 1); cell++) {
                dense[matrix.columns()[cell]][c] = Math.max(0, matrix.weights()[cell]);
            }
        }
        for (int i = 0; i < dense.length; i++) {
            List<float[]> expected = new ArrayList<>();
            for (int j = 0; j < dense.length; j++) {
                double dot = 0;
                double ni = 0;
                double nj = 0;
                int shared = 0;
                for (int c = 0; c < dense[i].length; c++) {
                    dot += dense[i][c] * dense[j][c];
                    ni += dense[i][c] * dense[i][c];
                    nj += dense[j][c] * dense[j][c];
                    shared += dense[i][c] > 0 && dense[j][c] > 0 ? 1 : 0;
                }
                if (j != i && shared >= 2) {
                    expected.add(new float[] { j, (float) (dot / Math.sqrt(ni * nj)) });
                }
            }
            expected.sort((a, b) -> a[1] != b[1] ? Float.compare(b[1], a[1]) : Float.compare(a[0], b[0]));
            List<float[]> top = expected.subList(0, Math.min(n, expected.size()));
            float[] similarities = model.similaritiesOf(i);
            assertThat(similarities).hasSize(top.size());
            for (int k = 0; k < top.size(); k++) {
                assertThat(similarities[k]).isCloseTo(top.get(k)[1], within(1e-5f));
            }
        }
    }

    @Test
    void resultDoesNotDependOnTheNumberOfThreads() {
        InteractionMatrix matrix = randomMatrix(400, 1500, 30, 7L);
        ItemCfParameters parameters = cosine(2).withNeighbours(20);

        ItemNeighbours single = ItemCfTrainer.train(matrix, parameters, ItemCfProgress.NONE);
        ItemNeighbours three = ItemCfTrainer.train(matrix, parameters.withThreads(3), ItemCfProgress.NONE);

        int withNeighbours = 0;
        for (int item = 0; item < matrix.itemCount(); item++) {
            assertThat(three.neighboursOf(item)).containsExactly(single.neighboursOf(item));
            assertThat(three.similaritiesOf(item)).containsExactly(single.similaritiesOf(item));
            withNeighbours += single.neighboursOf(item).length > 0 ? 1 : 0;
        }
        assertThat(withNeighbours).isGreaterThan(matrix.itemCount() / 2);
    }

    @Test
    void reportsProgressUpToTheItemCount() {
        InteractionMatrix matrix = randomMatrix(100, 700, 10, 3L);
        AtomicInteger largest = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();

        ItemCfTrainer.train(matrix, cosine(2).withThreads(2), (done, total) -> {
            assertThat(total).isEqualTo(700);
            largest.accumulateAndGet(done, Math::max);
            calls.incrementAndGet();
        });

        assertThat(largest.get()).isEqualTo(700);
        assertThat(calls.get()).isEqualTo(3); // chunks of 256 items
    }

    /** Each customer rates {@code perCustomer} random items, about one in ten negatively. */
    static InteractionMatrix randomMatrix(int customers, int items, int perCustomer, long seed) {
        Random random = new Random(seed);
        List<String> customerIds = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            customerIds.add("c" + c);
        }
        List<String> itemIds = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            itemIds.add("i" + i);
        }
        InteractionMatrix.Builder builder = InteractionMatrix.builder(customerIds, itemIds);
        for (int c = 0; c < customers; c++) {
            for (int k = 0; k < perCustomer; k++) {
                // skewed towards low indices, so that items share customers
                int item = (int) Math.min(items - 1, Math.abs(random.nextGaussian()) * items / 3);
                float weight = random.nextInt(10) == 0 ? -1 : 1 + random.nextInt(3);
                builder.add(c, item, weight);
            }
        }
        return builder.build();
    }
}

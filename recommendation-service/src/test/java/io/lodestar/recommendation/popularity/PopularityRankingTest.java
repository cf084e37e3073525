package io.lodestar.recommendation.popularity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.InteractionMatrix;

class PopularityRankingTest {

    private static final List<String> CUSTOMERS = List.of("c0", "c1", "c2", "c3");
    private static final List<String> ITEMS = List.of("i0", "i1", "i2", "i3", "i4");

    /**
     * i1: 3 customers; i0 and i2: 2 customers each, i2 with more summed weight; i3: one positive and one refund
     * (1 customer, net 0); i4: only a refund (not ranked).
     */
    private static InteractionMatrix matrix() {
        return InteractionMatrix.builder(CUSTOMERS, ITEMS)
                .add(0, 1, 1f).add(1, 1, 1f).add(2, 1, 1f)
                .add(0, 0, 1f).add(3, 0, 1f)
                .add(1, 2, 5f).add(2, 2, 1f)
                .add(0, 3, 1f).add(1, 3, -1f)
                .add(3, 4, -2f)
                .build();
    }

    @Test
    void ranksByDistinctInterestedCustomersThenNetWeightThenIndex() {
        PopularityRanking ranking = PopularityRanking.global(matrix());

        assertThat(ranking.items()).containsExactly(1, 2, 0, 3);
        assertThat(ranking.scores()).containsExactly(3f, 2f, 2f, 1f);
    }

    @Test
    void repeatedPurchasesOfOneCustomerCountOnce() {
        InteractionMatrix m = InteractionMatrix.builder(CUSTOMERS, ITEMS)
                .add(0, 0, 1f).add(0, 0, 1f).add(0, 0, 1f).add(1, 1, 1f).add(2, 1, 1f)
                .build();

        PopularityRanking ranking = PopularityRanking.global(m);

        assertThat(ranking.items()).containsExactly(1, 0);
        assertThat(ranking.scores()).containsExactly(2f, 1f);
    }

    @Test
    void equalCountsAndWeightsFallBackToTheLowerIndex() {
        InteractionMatrix m = InteractionMatrix.builder(CUSTOMERS, ITEMS)
                .add(0, 4, 1f).add(1, 2, 1f).add(2, 3, 1f)
                .build();

        assertThat(PopularityRanking.global(m).items()).containsExactly(2, 3, 4);
    }

    @Test
    void perGroupCountsOnlyThatGroupsCustomersAndSkipsUngrouped() {
        int[] groupOfCustomer = {0, 1, 1, -1};

        List<PopularityRanking> rankings = PopularityRanking.perGroup(matrix(), groupOfCustomer);

        assertThat(rankings).hasSize(2);
        assertThat(rankings.get(0).items()).containsExactly(0, 1, 3);
        assertThat(rankings.get(1).items()).containsExactly(2, 1);
        assertThat(rankings.get(1).scores()).containsExactly(2f, 2f);
    }

    @Test
    void aGroupWithoutInterestedCustomersHasAnEmptyRanking() {
        List<PopularityRanking> rankings = PopularityRanking.perGroup(matrix(), new int[] {0, 0, 0, 2});

        assertThat(rankings).hasSize(3);
        assertThat(rankings.get(1).size()).isZero();
        assertThat(rankings.get(2).items()).containsExactly(0);
    }

    @Test
    void perCategoryFiltersTheGlobalOrder() {
        int[] categoryOfItem = {0, 1, 0, 1, -1};

        List<PopularityRanking> rankings = PopularityRanking.perCategory(matrix(), categoryOfItem);

        assertThat(rankings.get(0).items()).containsExactly(2, 0);
        assertThat(rankings.get(1).items()).containsExactly(1, 3);
        assertThat(rankings.get(1).scores()).containsExactly(3f, 1f);
    }

    @Test
    void aMatrixWithoutCustomersHasAnEmptyRanking() {
        InteractionMatrix empty = InteractionMatrix.builder(List.of(), ITEMS).build();

        assertThat(PopularityRanking.global(empty).size()).isZero();
        assertThat(PopularityRanking.perGroup(empty, new int[0])).isEmpty();
    }

    @Test
    void storedArraysReloadIntoAnEqualRanking() {
        PopularityRanking original = PopularityRanking.global(matrix());

        PopularityRanking reloaded = PopularityRanking.of(original.items(), original.scores());

        assertThat(reloaded.items()).containsExactly(original.items());
        assertThat(reloaded.scores()).containsExactly(original.scores());
    }

    @Test
    void accessorsHandOutCopies() {
        PopularityRanking ranking = PopularityRanking.global(matrix());

        ranking.items()[0] = 99;
        ranking.scores()[0] = 99f;

        assertThat(ranking.item(0)).isEqualTo(1);
        assertThat(ranking.score(0)).isEqualTo(3f);
    }

    @Test
    void rejectsInconsistentStoredArraysAndGroupVectors() {
        assertThatThrownBy(() -> PopularityRanking.of(new int[] {1, 2}, new float[] {1f}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PopularityRanking.of(new int[] {1, 2}, new float[] {1f, 2f}))
                .hasMessageContaining("not increasing");
        assertThatThrownBy(() -> PopularityRanking.of(new int[] {1, 1}, new float[] {2f, 1f}))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> PopularityRanking.perGroup(matrix(), new int[] {0, 0}))
                .hasMessageContaining("one entry per customer");
        assertThatThrownBy(() -> PopularityRanking.perCategory(matrix(), new int[] {0, 0, 0, 0, -2}))
                .hasMessageContaining("-1 (none)");
    }
}

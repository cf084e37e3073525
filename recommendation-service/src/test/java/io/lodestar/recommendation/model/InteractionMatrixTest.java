package io.lodestar.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class InteractionMatrixTest {

    private static final List<String> CUSTOMERS = List.of("c0", "c1", "c2");
    private static final List<String> ITEMS = List.of("i0", "i1", "i2", "i3");

    @Test
    void sortsCellsPerRowAndSumsRepeatedPairs() {
        InteractionMatrix m = InteractionMatrix.builder(CUSTOMERS, ITEMS)
                .add(2, 3, 1f).add(0, 2, 2f).add(0, 0, 1f).add(0, 2, 0.5f).add(2, 1, -1f)
                .build();

        assertThat(m.size()).isEqualTo(4);
        assertThat(UserHistory.ofRow(m, 0).items()).containsExactly(0, 2);
        assertThat(UserHistory.ofRow(m, 0).weights()).containsExactly(1f, 2.5f);
        assertThat(UserHistory.ofRow(m, 1).isEmpty()).isTrue();
        assertThat(UserHistory.ofRow(m, 2).items()).containsExactly(1, 3);
        assertThat(UserHistory.ofRow(m, 2).weights()).containsExactly(-1f, 1f);
    }

    @Test
    void transposeSwapsRowsAndColumnsKeepingWeights() {
        InteractionMatrix m = InteractionMatrix.builder(CUSTOMERS, ITEMS)
                .add(0, 1, 3f).add(2, 1, 4f).add(1, 0, 5f)
                .build();

        InteractionMatrix t = m.transpose();

        assertThat(t.customerIds()).isEqualTo(ITEMS);
        assertThat(t.itemIds()).isEqualTo(CUSTOMERS);
        assertThat(UserHistory.ofRow(t, 1).items()).containsExactly(0, 2);
        assertThat(UserHistory.ofRow(t, 1).weights()).containsExactly(3f, 4f);
        assertThat(UserHistory.ofRow(t, 0).items()).containsExactly(1);
        assertThat(t.transpose().columns()).containsExactly(m.columns());
    }

    @Test
    void rejectsIndicesOutsideTheDictionaries() {
        assertThatThrownBy(() -> InteractionMatrix.builder(CUSTOMERS, ITEMS).add(3, 0, 1f))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new UserHistory(new int[] {2, 1}, new float[] {1f, 1f}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.lodestar.recommendation.itemcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ItemCfParametersTest {

    @Test
    void defaultsAreCosineFiftyNeighboursTwoSharedCustomers() {
        ItemCfParameters defaults = ItemCfParameters.defaults();

        assertThat(defaults.similarity()).isEqualTo(ItemSimilarity.COSINE);
        assertThat(defaults.neighbours()).isEqualTo(50);
        assertThat(defaults.minCoCustomers()).isEqualTo(2);
        assertThat(defaults.shrinkage()).isZero();
        assertThat(defaults.threads()).isPositive();
    }

    @Test
    void rejectsInvalidValues() {
        ItemCfParameters valid = ItemCfParameters.defaults();
        assertThatThrownBy(() -> valid.withSimilarity(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid.withNeighbours(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid.withMinCoCustomers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid.withShrinkage(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid.withShrinkage(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> valid.withThreads(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

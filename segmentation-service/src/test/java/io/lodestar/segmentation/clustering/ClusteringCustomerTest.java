package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The input record rejects what would make features meaningless, naming the customer and the field. */
class ClusteringCustomerTest {

    private static ClusteringCustomer with(double recency, double monetary, double abandonment,
            Map<String, Double> categories) {
        return new ClusteringCustomer("c9", recency, 1, monetary, 1, 1, 1, abandonment, 0, categories, Map.of());
    }

    @Test
    void invalidValuesAreRejectedWithTheFieldAndTheCustomer() {
        assertThatThrownBy(() -> with(-1, 1, 0, Map.of())).hasMessage("recencyDays of customer c9 must not be negative, was -1.0");
        assertThatThrownBy(() -> with(Double.NaN, 1, 0, Map.of())).hasMessageContaining("recencyDays of customer c9 must be a finite");
        assertThatThrownBy(() -> with(1, Double.POSITIVE_INFINITY, 0, Map.of())).hasMessageContaining("monetary");
        assertThatThrownBy(() -> with(1, 1, 1.5, Map.of())).hasMessage("cartAbandonmentRate of customer c9 must be within [0, 1], was 1.5");
        assertThatThrownBy(() -> with(1, 1, 0, Map.of("Toys", -2.0))).hasMessageContaining("categorySpend[Toys] of customer c9");
        assertThatThrownBy(() -> with(1, 1, 0, null)).hasMessageContaining("categorySpend of customer c9 must not be null");
        Map<String, Double> nullValue = new HashMap<>();
        nullValue.put("Toys", null);
        assertThatThrownBy(() -> with(1, 1, 0, nullValue)).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> with(1, 1, 0, Map.of(" ", 1.0))).hasMessageContaining("blank key");
        assertThatThrownBy(() -> new ClusteringCustomer(" ", 1, 1, 1, 1, 1, 1, 0, 0, Map.of(), Map.of()))
                .hasMessage("customerId must not be blank");
    }

    @Test
    void negativeNetSpendIsAllowedAndMapsAreCopied() {
        Map<String, Double> categories = new LinkedHashMap<>(Map.of("Toys", 3.0));
        ClusteringCustomer customer = with(1, -20, 0, categories);
        categories.put("Books", 4.0);

        assertThat(customer.monetary()).isEqualTo(-20);
        assertThat(customer.categorySpend()).containsOnlyKeys("Toys");
        assertThat(customer.totalCategorySpend()).isEqualTo(3.0);
        assertThatThrownBy(() -> customer.categorySpend().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }
}

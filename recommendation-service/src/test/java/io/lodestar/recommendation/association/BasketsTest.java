package io.lodestar.recommendation.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.sequence.Purchase;

class BasketsTest {

    private static final Instant START = Instant.parse("2024-03-01T10:00:00Z");

    private static Purchase bought(int item, int day) {
        return new Purchase(item, START.plus(Duration.ofDays(day)));
    }

    @Test
    void byOrderSortsDeduplicatesAndDropsEmptyOrders() {
        int[] order = { 5, 2, 5, 1 };

        int[][] baskets = Baskets.byOrder(List.of(order, new int[0], new int[] { 3 }));

        assertThat(baskets).isDeepEqualTo(new int[][] { { 1, 2, 5 }, { 3 } });
        assertThat(order).containsExactly(5, 2, 5, 1);
        assertThatThrownBy(() -> Baskets.byOrder(List.of(new int[] { -2 })))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byWindowGroupsACustomersPurchasesWithinTheWindowOfTheFirst() {
        List<List<Purchase>> customers = List.of(
                // shuffled: day 0, 3, 3, 7 (exactly a week: in), 8 (opens the next), 20 and 20
                List.of(bought(5, 7), bought(2, 0), bought(1, 3), bought(2, 3), bought(3, 8), bought(4, 20),
                        bought(3, 20)),
                List.of(bought(9, 1)),
                List.of());

        int[][] baskets = Baskets.byWindow(customers, Duration.ofDays(7));

        assertThat(baskets).isDeepEqualTo(new int[][] { { 1, 2, 5 }, { 3 }, { 3, 4 }, { 9 } });
    }

    @Test
    void zeroWindowGroupsOnlyPurchasesOfTheSameInstant() {
        int[][] baskets = Baskets.byWindow(List.of(List.of(bought(1, 0), bought(2, 0), bought(1, 1))),
                Duration.ZERO);

        assertThat(baskets).isDeepEqualTo(new int[][] { { 1, 2 }, { 1 } });
        assertThatThrownBy(() -> Baskets.byWindow(List.of(), Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

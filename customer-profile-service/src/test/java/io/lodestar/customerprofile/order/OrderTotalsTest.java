package io.lodestar.customerprofile.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.platform.problem.InvalidInputException;

class OrderTotalsTest {

    @Test
    void theTotalIsTheLinesLessLineAndOrderDiscounts() {
        OrderTotals totals = OrderTotals.of(List.of(line(2, "50.00", "5.00"), line(1, "30.00", null)),
                new BigDecimal("10"));

        assertThat(totals.subtotal()).isEqualTo("130.00");
        assertThat(totals.lineDiscount()).isEqualTo("5.00");
        assertThat(totals.orderDiscount()).isEqualTo("10.00");
        assertThat(totals.total()).isEqualTo("115.00");
    }

    @Test
    void amountsAreRoundedHalfUpToCentsBeforeTheyAreAdded() {
        OrderTotals totals = OrderTotals.of(List.of(line(3, "0.335", "0.005"), line(1, "0.004", null)),
                new BigDecimal("0.015"));

        // 3 × 0.34 = 1.02; 0.00; discounts 0.01 + 0.02
        assertThat(totals.subtotal()).isEqualTo("1.02");
        assertThat(totals.total()).isEqualTo("0.99");
        assertThat(OrderTotals.money(new BigDecimal("2.345"))).isEqualTo("2.35");
        assertThat(OrderTotals.money(new BigDecimal("-2.345"))).isEqualTo("-2.35");
        assertThat(OrderTotals.money(null)).isEqualTo("0.00");
    }

    @Test
    void aTotalOfExactlyZeroIsAllowed() {
        assertThat(OrderTotals.of(List.of(line(1, "20.00", "5.00")), new BigDecimal("15.00")).total())
                .isEqualTo("0.00");
        assertThat(OrderTotals.of(List.of(line(4, "0", null)), null).total()).isEqualTo("0.00");
    }

    @Test
    void anOrderDiscountBeyondTheAmountNamesDiscountAmount() {
        assertThatThrownBy(() -> OrderTotals.of(List.of(line(1, "20.00", "5.00")), new BigDecimal("15.01")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("discountAmount")));
    }

    @Test
    void aLineDiscountBeyondItsLineNamesTheLine() {
        assertThatThrownBy(() -> OrderTotals.of(List.of(line(1, "20.00", null), line(2, "3.00", "6.01")), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("lines[1].discount"));
    }

    @Test
    void aSubtotalBeyondTheMoneyColumnsNamesTheLines() {
        assertThatThrownBy(() -> OrderTotals.of(List.of(line(1_000_000, "999999999.99", null)), null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("lines"));
    }

    private static PlaceOrderRequest.Line line(int quantity, String unitPrice, String discount) {
        return new PlaceOrderRequest.Line("sku", "category", null, quantity, new BigDecimal(unitPrice),
                discount == null ? null : new BigDecimal(discount));
    }
}

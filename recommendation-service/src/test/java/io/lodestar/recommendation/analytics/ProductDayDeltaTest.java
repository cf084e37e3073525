package io.lodestar.recommendation.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderRefunded;

class ProductDayDeltaTest {

    private static final Instant LATE_EVENING = Instant.parse("2026-03-01T23:59:30Z");

    @Test
    void aBehaviourCountsOnTheUtcDayItHappened() {
        ProductDayDelta view = ProductDayDelta.ofBehaviour(behaviour(BehaviourType.PRODUCT_VIEW, "a")).orElseThrow();
        assertThat(view.day()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(view.views()).isEqualTo(1);
        assertThat(ProductDayDelta.ofBehaviour(behaviour(BehaviourType.RECOMMENDATION_IMPRESSION, "a")).orElseThrow()
                .recImpressions()).isEqualTo(1);
        assertThat(ProductDayDelta.ofBehaviour(behaviour(BehaviourType.RECOMMENDATION_CLICK, "a")).orElseThrow()
                .recClicks()).isEqualTo(1);
        assertThat(ProductDayDelta.ofBehaviour(behaviour(BehaviourType.ADD_TO_CART, "a")).orElseThrow()
                .addToCarts()).isEqualTo(1);
        assertThat(ProductDayDelta.ofBehaviour(behaviour(BehaviourType.FAVORITE, "a"))).isEmpty();
        assertThat(ProductDayDelta.ofBehaviour(behaviour(BehaviourType.PRODUCT_VIEW, null))).isEmpty();
    }

    @Test
    void aPaidOrderIsOneOrderPerItemWithItsUnitsAndNetLineAmounts() {
        OrderPaid paid = new OrderPaid("o1", "c1", "EUR", List.of(
                new OrderLine("a", null, null, 2, new BigDecimal("10.00"), new BigDecimal("1.50")),
                new OrderLine("b", null, null, 1, new BigDecimal("5.00"), null),
                new OrderLine("a", null, null, 1, new BigDecimal("10.00"), null)),
                new BigDecimal("33.50"), null, Channel.APP, null, null, LATE_EVENING);
        Map<String, ProductDayDelta> deltas = ProductDayDelta.ofPaid(paid);
        assertThat(deltas.get("a").orders()).isEqualTo(1);
        assertThat(deltas.get("a").units()).isEqualTo(3);
        assertThat(deltas.get("a").revenue()).isEqualByComparingTo("28.50");
        assertThat(deltas.get("b").revenue()).isEqualByComparingTo("5.00");
        assertThat(deltas.get("b").day()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void aRefundOfNamedLinesIsSharedByTheirAmountsAndAWholeOrderRefundByUnits() {
        OrderRefunded lines = new OrderRefunded("o1", "c1", "EUR", new BigDecimal("12.00"), List.of(
                new OrderLine("a", null, null, 1, new BigDecimal("30.00"), null),
                new OrderLine("b", null, null, 1, new BigDecimal("10.00"), null)), "broken", LATE_EVENING);
        Map<String, Integer> units = new LinkedHashMap<>(Map.of("a", 1));
        units.put("b", 1);
        Map<String, ProductDayDelta> byAmount = ProductDayDelta.ofRefund(lines, units);
        assertThat(byAmount.get("a").refundAmount()).isEqualByComparingTo("9.00");
        assertThat(byAmount.get("b").refundAmount()).isEqualByComparingTo("3.00");
        assertThat(byAmount.get("a").refunds()).isEqualTo(1);
        assertThat(byAmount.get("a").refundedUnits()).isEqualTo(1);

        OrderRefunded whole = new OrderRefunded("o1", "c1", "EUR", new BigDecimal("10.00"), List.of(), "returned",
                LATE_EVENING);
        Map<String, Integer> orderUnits = new LinkedHashMap<>();
        orderUnits.put("a", 2);
        orderUnits.put("b", 1);
        Map<String, ProductDayDelta> byUnits = ProductDayDelta.ofRefund(whole, orderUnits);
        assertThat(byUnits.get("a").refundAmount()).isEqualByComparingTo("6.67");
        assertThat(byUnits.get("b").refundAmount()).isEqualByComparingTo("3.33");
        assertThat(byUnits.get("a").refundedUnits()).isEqualTo(2);
    }

    @Test
    void sharesAlwaysAddUpToTheAmountAndNeverGoBelowZero() {
        Map<String, BigDecimal> thirds = new LinkedHashMap<>();
        thirds.put("a", BigDecimal.ONE);
        thirds.put("b", BigDecimal.ONE);
        thirds.put("c", BigDecimal.ONE);
        assertThat(ProductDayDelta.allocate(new BigDecimal("100.00"), thirds).values())
                .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));

        Map<String, BigDecimal> lastWeightless = new LinkedHashMap<>();
        lastWeightless.put("a", BigDecimal.ONE);
        lastWeightless.put("b", BigDecimal.ONE);
        lastWeightless.put("c", BigDecimal.ZERO);
        Map<String, BigDecimal> shares = ProductDayDelta.allocate(new BigDecimal("0.03"), lastWeightless);
        assertThat(shares.values()).allSatisfy(share -> assertThat(share).isNotNegative());
        assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("0.03");

        Map<String, BigDecimal> free = new LinkedHashMap<>();
        free.put("a", BigDecimal.ZERO);
        free.put("b", BigDecimal.ZERO);
        assertThat(ProductDayDelta.allocate(new BigDecimal("5.00"), free).values())
                .containsExactly(new BigDecimal("2.50"), new BigDecimal("2.50"));
    }

    private static BehaviourRecorded behaviour(BehaviourType type, String itemId) {
        return new BehaviourRecorded("c1", false, type, Channel.APP, itemId, null, null, null, null, null,
                LATE_EVENING, Map.of());
    }
}

package io.lodestar.segmentation.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.segmentation.analytics.TrafficBatch.FunnelKey;

class FunnelCounterTest {

    private static final int EXPOSURE = FunnelStep.EXPOSURE.bit();
    private static final int CLICK = FunnelStep.CLICK.bit();
    private static final int CART = FunnelStep.ADD_TO_CART.bit();
    private static final int CHECKOUT = FunnelStep.CHECKOUT.bit();
    private static final int PAY = FunnelStep.PAY.bit();
    private static final Instant MORNING = Instant.parse("2026-05-04T09:15:00Z");

    @Test
    void stepsCountCustomersWithConversionDropOffAndContinuation() {
        // 10 only looked, 6 looked and clicked, 3 went on to the cart, 2 of them checked out and paid.
        List<FunnelView.Step> steps = FunnelCounter.count(Map.of(
                EXPOSURE, 10L,
                EXPOSURE | CLICK, 3L,
                EXPOSURE | CLICK | CART, 1L,
                EXPOSURE | CLICK | CART | CHECKOUT | PAY, 2L));

        assertThat(steps).extracting(FunnelView.Step::step)
                .containsExactly("exposure", "click", "add_to_cart", "checkout", "pay");
        assertThat(steps).extracting(FunnelView.Step::customers).containsExactly(16L, 6L, 3L, 2L, 2L);
        assertThat(steps.get(0).continued()).isNull();
        assertThat(steps.get(0).conversionPercent()).isNull();
        assertThat(steps.get(1).conversionPercent()).isEqualByComparingTo("37.50");
        assertThat(steps.get(1).dropOff()).isEqualTo(10L);
        assertThat(steps.get(2).conversionPercent()).isEqualByComparingTo("50.00");
        assertThat(steps.get(3).conversionPercent()).isEqualByComparingTo("66.67");
        assertThat(steps.get(4).conversionPercent()).isEqualByComparingTo("100.00");
        assertThat(steps).extracting(FunnelView.Step::unobservedEntries).containsOnly(0L);
    }

    @Test
    void aPayWithoutAnyEarlierStepCountsInPayAndIsFlaggedAsAnUnobservedEntry() {
        List<FunnelView.Step> steps = FunnelCounter.count(Map.of(PAY, 4L, EXPOSURE | PAY, 1L, CART | CHECKOUT, 2L));

        FunnelView.Step pay = steps.get(4);
        assertThat(pay.customers()).isEqualTo(5L);
        assertThat(pay.unobservedEntries()).isEqualTo(4L); // the exposed one had an earlier step
        assertThat(pay.continued()).isZero(); // nobody who paid is recorded at checkout
        assertThat(pay.conversionPercent()).isEqualByComparingTo(BigDecimal.ZERO);
        FunnelView.Step cart = steps.get(2);
        assertThat(cart.customers()).isEqualTo(2L);
        assertThat(cart.unobservedEntries()).isEqualTo(2L);
        assertThat(cart.conversionPercent()).isNull(); // no clicks at all: no conversion to speak of
        assertThat(steps.get(3).unobservedEntries()).isZero(); // the cart came before their checkout
    }

    @Test
    void anEmptyFunnelHasZeroStepsAndNoConversion() {
        assertThat(FunnelCounter.count(Map.of())).allSatisfy(step -> {
            assertThat(step.customers()).isZero();
            assertThat(step.conversionPercent()).isNull();
        });
        assertThatThrownBy(() -> FunnelCounter.count(Map.of(64, 1L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCustomerCountsOncePerStepAndDayChannelAndCategoryWhateverTheEventOrder() {
        TrafficBatch batch = dailyBatch();
        batch.add(order("c-1", Channel.APP, MORNING, "shoes", "shoes", null)); // paid before any view that day
        batch.add(behaviour("c-1", BehaviourType.PRODUCT_VIEW, Channel.APP, "shoes", MORNING.plusSeconds(600)));
        batch.add(behaviour("c-1", BehaviourType.PRODUCT_VIEW, Channel.APP, "shoes", MORNING.plusSeconds(900)));
        batch.add(behaviour("c-1", BehaviourType.PRODUCT_VIEW, Channel.WEB, "shoes", MORNING));
        batch.add(behaviour("c-1", BehaviourType.PRODUCT_VIEW, Channel.APP, "shoes", MORNING.plusSeconds(86_400)));
        batch.add(behaviour("v-9", true, BehaviourType.PRODUCT_VIEW, Channel.APP, "shoes", MORNING));
        batch.add(behaviour("c-1", BehaviourType.SEARCH, Channel.APP, "shoes", MORNING));

        Instant day = Instant.parse("2026-05-04T00:00:00Z"); // with P1D, the window is the UTC day
        assertThat(batch.funnel()).containsOnly(
                Map.entry(new FunnelKey(day, "app", "shoes", "c-1"), EXPOSURE | PAY),
                Map.entry(new FunnelKey(day, "app", TrafficBatch.UNKNOWN_CATEGORY, "c-1"), PAY),
                Map.entry(new FunnelKey(day, "web", "shoes", "c-1"), EXPOSURE),
                Map.entry(new FunnelKey(day.plus(Duration.ofDays(1)), "app", "shoes", "c-1"), EXPOSURE));
    }

    @Test
    void anOrderWithoutAChannelIsInNoFunnelButStillAPaidOrder() {
        TrafficBatch batch = dailyBatch();
        batch.add(order("c-2", null, MORNING, "toys"));
        assertThat(batch.funnel()).isEmpty();
        assertThat(batch.paidOrders()).hasSize(1);
    }

    @Test
    void theHourOfTheWeekIsTakenInTheHeatmapZone() {
        // Monday 2026-05-04 09:15 UTC is Monday 17:15 in Shanghai; Sunday 20:30 UTC is Monday 04:30 there.
        assertThat(TrafficBatch.hourOfWeek(MORNING, ZoneId.of("Asia/Shanghai"))).isEqualTo(17);
        assertThat(TrafficBatch.hourOfWeek(Instant.parse("2026-05-03T20:30:00Z"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo(4);
        assertThat(TrafficBatch.hourOfWeek(Instant.parse("2026-05-03T20:30:00Z"), ZoneId.of("UTC"))).isEqualTo(164);
    }

    /** A batch with the default funnel window (the UTC day), the heatmap in UTC and no merged ids. */
    static TrafficBatch dailyBatch() {
        return new TrafficBatch(ZoneId.of("UTC"), Duration.ofDays(1), Map.of());
    }

    static BehaviourRecorded behaviour(String customer, BehaviourType type, Channel channel, String category,
                                               Instant at) {
        return behaviour(customer, false, type, channel, category, at);
    }

    static BehaviourRecorded behaviour(String customer, boolean anonymous, BehaviourType type, Channel channel,
                                       String category, Instant at) {
        return new BehaviourRecorded(customer, anonymous, type, channel, "sku-1", category, null, null, null, null, at,
                Map.of());
    }

    static OrderPaid order(String customer, Channel channel, Instant at, String... categories) {
        List<OrderLine> lines = java.util.Arrays.stream(categories)
                .map(c -> new OrderLine("sku", c, null, 1, BigDecimal.TEN, null)).toList();
        return new OrderPaid("o-" + customer + at, customer, "CNY", lines, BigDecimal.TEN, null, channel, null, null, at);
    }
}

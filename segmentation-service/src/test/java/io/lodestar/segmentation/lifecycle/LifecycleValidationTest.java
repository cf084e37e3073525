package io.lodestar.segmentation.lifecycle;

import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.AS_OF;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.CLASSIFIER;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.NO_BUYERS;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.daysAgo;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.ordersDaysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleValidationTest {

    static Stream<Arguments> invalidConfigs() {
        return Stream.of(
                invalid("atRiskAfterDays", () -> new LifecycleConfig(0, 180, 30, 30, 15, 10)),
                invalid("lapsedAfterDays", () -> new LifecycleConfig(90, 90, 30, 30, 15, 10)),
                invalid("newWithinDays", () -> new LifecycleConfig(90, 180, 0, 30, 15, 10)),
                invalid("newWithinDays", () -> new LifecycleConfig(90, 180, 91, 30, 15, 10)),
                invalid("wonBackWithinDays", () -> new LifecycleConfig(90, 180, 30, -1, 15, 10)),
                invalid("wonBackWithinDays", () -> new LifecycleConfig(90, 180, 30, 91, 15, 10)),
                invalid("newCustomerChurnRiskAfterDays", () -> new LifecycleConfig(90, 180, 30, 30, 0, 10)),
                invalid("highPotentialTopPercent", () -> new LifecycleConfig(90, 180, 30, 30, 15, 0)),
                invalid("highPotentialTopPercent", () -> new LifecycleConfig(90, 180, 30, 30, 15, 101)));
    }

    private static Arguments invalid(String field, ThrowingCallable config) {
        return Arguments.of(field, config);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigs")
    void invalidConfigsNameTheField(String field, ThrowingCallable config) {
        assertThatThrownBy(config).isInstanceOfSatisfying(InvalidLifecycleConfigException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessageStartingWith(field + " ");
    }

    @Test
    void theDefaultsAreTheGlossaryFigures() {
        assertThat(LifecycleConfig.DEFAULT).isEqualTo(new LifecycleConfig(90, 180, 30, 30, 15, 10));
        assertThat(new LifecycleClassifier().config()).isEqualTo(LifecycleConfig.DEFAULT);
    }

    @Test
    void historiesRejectWhatCannotBeClassified() {
        assertThatThrownBy(() -> new OrderHistory(" ", List.of(), null)).hasMessageContaining("customerId");
        assertThatThrownBy(() -> new OrderHistory("c", null, null)).hasMessageContaining("paidAt");
        assertThatThrownBy(() -> new OrderHistory("c", Arrays.asList(AS_OF, null), BigDecimal.ONE))
                .hasMessageContaining("contains null");
        assertThatThrownBy(() -> new OrderHistory("c", List.of(AS_OF), null))
                .hasMessageContaining("firstOrderValue of customer c is missing");
        assertThatThrownBy(() -> new OrderHistory("c", List.of(), BigDecimal.ONE))
                .hasMessageContaining("must be null without a paid order");
        assertThatThrownBy(() -> new OrderHistory("c", List.of(AS_OF), new BigDecimal("-0.01")))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> new OrderHistory.PaidOrder(AS_OF, new BigDecimal("-1")))
                .hasMessageContaining("amount must not be negative");
    }

    @Test
    void paidTimesAreSortedAndCopied() {
        java.util.ArrayList<java.time.Instant> times = new java.util.ArrayList<>(List.of(daysAgo(1), daysAgo(9), daysAgo(5)));
        OrderHistory history = new OrderHistory("c", times, BigDecimal.TEN);
        times.clear();

        assertThat(history.paidAt()).containsExactly(daysAgo(9), daysAgo(5), daysAgo(1));
        assertThat(history.firstPaidAt()).contains(daysAgo(9));
        assertThat(history.lastPaidAt()).contains(daysAgo(1));
        assertThat(history.paidOrders()).isEqualTo(3);
    }

    @Test
    void asOfLeavesLaterOrdersOutAndTakesTheEarliestValue() {
        OrderHistory history = OrderHistory.asOf("c", List.of(
                new OrderHistory.PaidOrder(daysAgo(3), new BigDecimal("30")),
                new OrderHistory.PaidOrder(daysAgo(10), new BigDecimal("10")),
                new OrderHistory.PaidOrder(AS_OF.plusNanos(1), new BigDecimal("999"))), AS_OF);

        assertThat(history).isEqualTo(new OrderHistory("c", List.of(daysAgo(10), daysAgo(3)), new BigDecimal("10")));
        assertThat(OrderHistory.asOf("c", List.of(new OrderHistory.PaidOrder(AS_OF.plusSeconds(1), BigDecimal.ONE)), AS_OF))
                .isEqualTo(OrderHistory.neverPaid("c"));
    }

    @Test
    void anOrderAfterAsOfIsRejected() {
        OrderHistory future = new OrderHistory("c", List.of(daysAgo(10), AS_OF.plusNanos(1)), BigDecimal.ONE);

        assertThatThrownBy(() -> CLASSIFIER.classify(future, AS_OF, NO_BUYERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after asOf");
        assertThatThrownBy(() -> CLASSIFIER.classifyAll(List.of(future), AS_OF)).hasMessageContaining("after asOf");
        assertThat(CLASSIFIER.classify(new OrderHistory("c", List.of(AS_OF), BigDecimal.ONE), AS_OF, NO_BUYERS).stage())
                .as("an order exactly at asOf counts").isEqualTo(LifecycleStage.NEW);
    }

    @Test
    void aDuplicateCustomerIsRejected() {
        assertThatThrownBy(() -> CLASSIFIER.classifyAll(List.of(ordersDaysAgo("c", 3), ordersDaysAgo("c", 4)), AS_OF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerId c appears more than once");
    }

    @Test
    void cutsRejectInconsistentNumbers() {
        assertThatThrownBy(() -> new HighPotentialCut(java.util.Optional.empty(), 3, 10)).hasMessageContaining("buyers");
        assertThatThrownBy(() -> new HighPotentialCut(java.util.Optional.of(BigDecimal.ONE), 1, 0))
                .hasMessageContaining("topPercent");
    }

    @Test
    void assessmentsCannotBeChangedAfterwards() {
        LifecycleAssessment assessment = LifecycleFixtures.classify(ordersDaysAgo("c", 20));

        assertThatThrownBy(() -> assessment.flags().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

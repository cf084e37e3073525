package io.lodestar.segmentation.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.behaviour.BehaviourType;

class ChurnFeatureBuilderTest {

    private static final Instant T = Instant.parse("2024-04-01T00:00:00Z");
    private static final Instant END = Instant.parse("2025-01-01T00:00:00Z");
    private static final ChurnFeatureBuilder BUILDER = new ChurnFeatureBuilder();
    private static final ChurnFeatureSpec WITH_VIEWS = ChurnFeatureSpec.withBehaviour(30, BehaviourType.PRODUCT_VIEW,
            BehaviourType.ADD_TO_CART);

    private static Instant at(Duration fromT) {
        return T.plus(fromT);
    }

    private static PaidOrderEvent order(String customer, Duration fromT, String amount) {
        return new PaidOrderEvent(customer, at(fromT), new BigDecimal(amount));
    }

    private static BehaviourEvent view(String customer, Duration fromT) {
        return new BehaviourEvent(customer, at(fromT), BehaviourType.PRODUCT_VIEW);
    }

    private static List<PaidOrderEvent> tinyOrders() {
        return List.of(
                order("a", Duration.ofDays(-100), "50.00"),
                order("a", Duration.ofDays(-40).minusHours(12), "30.50"),
                order("a", Duration.ofDays(-10), "19.50"),
                order("a", Duration.ZERO, "100.00"), // exactly at the cutoff: a feature, not a label
                order("a", Duration.ofDays(1), "999.00"),
                order("a", Duration.ofDays(50), "999.00"),
                order("b", Duration.ofDays(-20).minusHours(6), "80"),
                order("b", Duration.ofDays(90), "5"), // exactly at T + 90 days: a return within the horizon
                order("c", Duration.ofDays(-200), "10"),
                order("c", Duration.ofDays(-95), "20"),
                order("c", Duration.ofDays(90).plusNanos(1), "5"), // one nanosecond too late: churned
                order("d", Duration.ofSeconds(1), "70")); // first order after the cutoff: not in the set
    }

    private static List<BehaviourEvent> tinyBehaviour() {
        return List.of(
                view("a", Duration.ofDays(-30)), // 30 whole days old: outside the 30-day window
                view("a", Duration.ofDays(-30).plusNanos(1)),
                view("a", Duration.ZERO),
                view("a", Duration.ofNanos(1)), // after the cutoff
                view("e", Duration.ofDays(-1))); // e never ordered
    }

    @Test
    void featuresOfATinyHistoryAreExact() {
        ChurnTrainingSet set = BUILDER.trainingSet(ChurnHistory.of(tinyOrders(), tinyBehaviour(), END), T, WITH_VIEWS, 90);
        FeatureMatrix features = set.features();

        assertThat(features.featureNames()).containsExactly("recency_days", "frequency", "monetary", "avg_order_value",
                "tenure_days", "orders_last_30d", "orders_last_90d", "mean_gap_days", "behaviour_product_view_30d",
                "behaviour_add_to_cart_30d");
        assertThat(features.customerIds()).containsExactly("a", "b", "c");
        assertThat(features.row(0)).containsExactly(0, 4, 200.0, 50.0, 100, 2, 3, 100.0 / 3, 2, 0);
        assertThat(features.row(1)).containsExactly(20, 1, 80, 80, 20, 1, 1, 20, 0, 0);
        assertThat(features.row(2)).containsExactly(95, 2, 30, 15, 200, 0, 0, 105, 0, 0);
        assertThat(features.value(2, "recency_days")).isEqualTo(95);
        assertThat(set.labels()).containsExactly(0, 0, 1);
        assertThat(set.positives()).isEqualTo(1);
        assertThat(set.negatives()).isEqualTo(2);
        assertThat(set.baseRate()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(set.cutoff()).isEqualTo(T);
    }

    @Test
    void theThirtyAndNinetyDayCountsEndTheDayAnOrderTurnsThatOld() {
        List<PaidOrderEvent> orders = List.of(
                order("x", Duration.ofDays(-30), "1"),
                order("x", Duration.ofDays(-30).plusNanos(1), "1"),
                order("x", Duration.ofDays(-90), "1"),
                order("x", Duration.ofDays(-90).plusNanos(1), "1"));

        FeatureMatrix features = BUILDER.features(ChurnHistory.of(orders, List.of(), END), T, ChurnFeatureSpec.PURCHASES_ONLY);

        assertThat(features.value(0, "orders_last_30d")).isEqualTo(1);
        assertThat(features.value(0, "orders_last_90d")).isEqualTo(3);
        assertThat(features.value(0, "recency_days")).isEqualTo(29);
    }

    @Test
    void aHorizonOfFifteenDaysMovesTheLabelBoundary() {
        List<PaidOrderEvent> orders = List.of(
                order("on", Duration.ofDays(-1), "1"), order("on", Duration.ofDays(15), "1"),
                order("late", Duration.ofDays(-1), "1"), order("late", Duration.ofDays(15).plusNanos(1), "1"),
                order("never", Duration.ofDays(-1), "1"));

        ChurnTrainingSet set = BUILDER.trainingSet(ChurnHistory.of(orders, List.of(), END), T,
                ChurnFeatureSpec.PURCHASES_ONLY, 15);

        assertThat(set.features().customerIds()).containsExactly("late", "never", "on");
        assertThat(set.labels()).containsExactly(1, 1, 0);
    }

    @Test
    void nothingAfterTheCutoffReachesTheFeatures() {
        ChurnHistory full = ChurnHistory.of(tinyOrders(), tinyBehaviour(), END);
        ChurnHistory truncated = ChurnHistory.of(tinyOrders().stream().filter(o -> !o.paidAt().isAfter(T)).toList(),
                tinyBehaviour().stream().filter(e -> !e.occurredAt().isAfter(T)).toList(), END);
        List<PaidOrderEvent> rewritten = new ArrayList<>(tinyOrders().stream().filter(o -> !o.paidAt().isAfter(T)).toList());
        for (int i = 1; i <= 40; i++) { // a different future: many big orders right after the cutoff
            rewritten.add(order("a", Duration.ofHours(i), "5000"));
            rewritten.add(order("c", Duration.ofNanos(i), "5000"));
        }
        ChurnHistory otherFuture = ChurnHistory.of(rewritten, tinyBehaviour(), END);

        assertSameFeatures(BUILDER.features(full, T, WITH_VIEWS), BUILDER.features(truncated, T, WITH_VIEWS));
        assertSameFeatures(BUILDER.features(full, T, WITH_VIEWS), BUILDER.features(otherFuture, T, WITH_VIEWS));
        assertThat(BUILDER.trainingSet(otherFuture, T, WITH_VIEWS, 90).labels()).as("only the labels see the future")
                .containsExactly(0, 1, 0);
    }

    @Test
    void theTimeSplitHoldsForAWholeGeneratedPopulation() {
        SyntheticChurnPopulation population = SyntheticChurnPopulation.generate(11, 400);
        Instant cutoff = SyntheticChurnPopulation.T1;
        ChurnHistory beforeCutoff = ChurnHistory.of(
                population.orders.stream().filter(o -> !o.paidAt().isAfter(cutoff)).toList(),
                population.behaviour.stream().filter(e -> !e.occurredAt().isAfter(cutoff)).toList(),
                SyntheticChurnPopulation.END);
        ChurnFeatureSpec spec = ChurnFeatureSpec.withBehaviour(30, BehaviourType.PRODUCT_VIEW);

        FeatureMatrix fromFull = BUILDER.trainingSet(population.history(), cutoff, spec, 90).features();
        FeatureMatrix fromPast = BUILDER.features(beforeCutoff, cutoff, spec);

        assertThat(fromFull.size()).isGreaterThan(300);
        assertSameFeatures(fromFull, fromPast);
    }

    @Test
    void scoringFeaturesCarryNoLabelAndCountEveryCustomerWhoHasPaid() {
        ChurnHistory history = ChurnHistory.of(tinyOrders(), tinyBehaviour(), END);

        FeatureMatrix now = BUILDER.features(history, END, ChurnFeatureSpec.PURCHASES_ONLY);

        assertThat(now.customerIds()).containsExactly("a", "b", "c", "d");
        assertThat(now.asOf()).isEqualTo(END);
        assertThat(history.customerIds()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void rowsAreCopies() {
        FeatureMatrix features = BUILDER.features(ChurnHistory.of(tinyOrders(), List.of(), END), T,
                ChurnFeatureSpec.PURCHASES_ONLY);
        features.row(0)[0] = 1234;

        assertThat(features.row(0)[0]).isZero();
        assertThatThrownBy(() -> features.value(0, "nope")).hasMessageContaining("no feature nope");
    }

    @Test
    void theBuilderRefusesToReadBeyondTheHistory() {
        ChurnHistory history = ChurnHistory.of(tinyOrders(), List.of(), END);

        assertThatThrownBy(() -> BUILDER.features(history, END.plusNanos(1), ChurnFeatureSpec.PURCHASES_ONLY))
                .hasMessageContaining("beyond the end of the history");
        assertThatThrownBy(() -> BUILDER.trainingSet(history, END.minus(Duration.ofDays(89)),
                ChurnFeatureSpec.PURCHASES_ONLY, 90)).hasMessageContaining("after the end of the history");
        assertThat(BUILDER.trainingSet(history, END.minus(Duration.ofDays(90)), ChurnFeatureSpec.PURCHASES_ONLY, 90).size())
                .as("a label window ending exactly at the end of the history is observed").isEqualTo(4);
    }

    @Test
    void theHistoryRejectsEventsAfterItsEnd() {
        assertThatThrownBy(() -> ChurnHistory.of(List.of(new PaidOrderEvent("a", END.plusNanos(1), BigDecimal.ONE)),
                List.of(), END)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the end");
        assertThatThrownBy(() -> ChurnHistory.of(List.of(),
                List.of(new BehaviourEvent("a", END.plusSeconds(1), BehaviourType.SEARCH)), END))
                .hasMessageContaining("after the end");
        assertThatThrownBy(() -> new PaidOrderEvent("a", END, new BigDecimal("-1"))).hasMessageContaining("negative");
        assertThatThrownBy(() -> new PaidOrderEvent(" ", END, BigDecimal.ONE)).hasMessageContaining("customerId");
        assertThatThrownBy(() -> new BehaviourEvent("a", END, null)).hasMessageContaining("type");
    }

    private static void assertSameFeatures(FeatureMatrix actual, FeatureMatrix expected) {
        assertThat(actual.customerIds()).isEqualTo(expected.customerIds());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.row(i)).as(actual.customerIds().get(i)).containsExactly(expected.row(i));
        }
    }
}

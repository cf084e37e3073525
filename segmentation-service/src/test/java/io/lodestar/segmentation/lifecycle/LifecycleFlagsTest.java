package io.lodestar.segmentation.lifecycle;

import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.AS_OF;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.CLASSIFIER;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.classify;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.daysAgo;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.firstOrderWorth;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.ordersAt;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.ordersDaysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleFlagsTest {

    @ParameterizedTest(name = "one order {0} days ago: churn risk {1}")
    @CsvSource({
        "0, false",
        "14, false",
        "15, true",
        "16, true",
        "200, true",
    })
    void aOneOrderCustomerIsFlaggedFifteenDaysAfterTheOrder(long daysAgo, boolean flagged) {
        assertThat(classify(ordersDaysAgo("c", daysAgo)).newCustomerChurnRisk()).isEqualTo(flagged);
    }

    @Test
    void theFlagStartsOnTheInstantTheOrderTurnsFifteenDaysOld() {
        assertThat(classify(ordersAt("c", daysAgo(15).plusNanos(1))).newCustomerChurnRisk()).isFalse();
        assertThat(classify(ordersAt("c", daysAgo(15))).newCustomerChurnRisk()).isTrue();
    }

    @Test
    void aSecondOrderClearsTheFlag() {
        assertThat(classify(ordersDaysAgo("c", 40, 39)).newCustomerChurnRisk()).isFalse();
        assertThat(classify(ordersDaysAgo("c", 40, 40)).newCustomerChurnRisk()).as("two orders at the same instant").isFalse();
    }

    @Test
    void theChurnRiskFlagIsIndependentOfTheStage() {
        LifecycleAssessment newcomer = classify(ordersDaysAgo("c", 16));
        LifecycleAssessment lapsed = classify(ordersDaysAgo("c", 200));

        assertThat(newcomer.stage()).isEqualTo(LifecycleStage.NEW);
        assertThat(newcomer.reason(LifecycleFlag.NEW_CUSTOMER_CHURN_RISK))
                .contains("one paid order, 16 days ago, and no second order (threshold 15)");
        assertThat(lapsed.stage()).isEqualTo(LifecycleStage.LAPSED);
        assertThat(lapsed.newCustomerChurnRisk()).isTrue();
        assertThat(classify(ordersDaysAgo("c", 14)).reason(LifecycleFlag.NEW_CUSTOMER_CHURN_RISK)).isEmpty();
    }

    @Test
    void tenDistinctBuyersHaveOneInTheTopDecile() {
        List<OrderHistory> population = population("100", "90", "80", "70", "60", "50", "40", "30", "20", "10");

        assertThat(highPotential(population)).containsExactly("v100");
        assertThat(HighPotentialCut.of(population, AS_OF, LifecycleConfig.DEFAULT).cut()).contains(new BigDecimal("100"));
    }

    @Test
    void theTopDecileRoundsUp() {
        // ⌈11 · 10 / 100⌉ = 2; ⌈30 · 10 / 100⌉ = 3 exactly (0.1 × 30 in doubles would round up to 4)
        assertThat(highPotential(population("110", "100", "90", "80", "70", "60", "50", "40", "30", "20", "10")))
                .containsExactly("v110", "v100");
        List<String> thirty = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            thirty.add(Integer.toString(i));
        }
        assertThat(highPotential(population(thirty.toArray(String[]::new)))).containsExactly("v28", "v29", "v30");
    }

    @Test
    void tiesAtTheCutAreAllFlagged() {
        List<OrderHistory> population = new ArrayList<>(population("80.00", "70", "60", "50", "40", "30", "20", "10"));
        population.add(new OrderHistory("tie", List.of(daysAgo(40)), new BigDecimal("80")));
        population.add(new OrderHistory("below", List.of(daysAgo(40)), new BigDecimal("79.99")));

        assertThat(highPotential(population)).containsExactly("v80.00", "tie");
    }

    @Test
    void tiesAboveTheCutDoNotPushTheCutDown() {
        // 20 buyers, k = 2: the second-highest value is 90, so 100 and both 90s are in, 80 is not
        List<String> values = new ArrayList<>(List.of("100", "90", "90", "80"));
        for (int i = 0; i < 16; i++) {
            values.add("10");
        }
        List<OrderHistory> population = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            population.add(new OrderHistory("c" + i, List.of(daysAgo(40)), new BigDecimal(values.get(i))));
        }

        assertThat(highPotential(population)).containsExactly("c0", "c1", "c2");
    }

    @Test
    void whenEveryFirstOrderIsEqualEveryoneIsFlagged() {
        assertThat(highPotential(population("50", "50", "50"))).hasSize(3);
    }

    @Test
    void prospectsAreNotPartOfTheBuyingPopulation() {
        List<OrderHistory> population = new ArrayList<>(population("10", "20"));
        for (int i = 0; i < 50; i++) {
            population.add(OrderHistory.neverPaid("p" + i));
        }
        HighPotentialCut cut = HighPotentialCut.of(population, AS_OF, LifecycleConfig.DEFAULT);

        assertThat(cut.buyers()).isEqualTo(2);
        assertThat(cut.cut()).contains(new BigDecimal("20"));
        assertThat(highPotential(population)).containsExactly("v20");
    }

    @Test
    void withoutBuyersThereIsNoCutAndNobodyIsFlagged() {
        HighPotentialCut cut = HighPotentialCut.of(List.of(OrderHistory.neverPaid("p")), AS_OF, LifecycleConfig.DEFAULT);

        assertThat(cut).isEqualTo(new HighPotentialCut(Optional.empty(), 0, 10));
        assertThat(cut.includes(new BigDecimal("1000000"))).isFalse();
    }

    @Test
    void theHighPotentialReasonNamesTheValueTheCutAndThePopulation() {
        List<OrderHistory> population = population("250.00", "199.00", "10", "10", "10", "10", "10", "10", "10", "10",
                "10", "10", "10", "10", "10", "10", "10", "10", "10", "10");

        LifecycleAssessment top = CLASSIFIER.classifyAll(population, AS_OF).get(0);

        assertThat(top.reason(LifecycleFlag.HIGH_POTENTIAL))
                .contains("first order value 250.00 is in the top 10% of first orders (cut 199.00 over 20 buyers)");
    }

    @Test
    void aTopPercentOfAHundredFlagsEveryBuyer() {
        LifecycleConfig all = new LifecycleConfig(90, 180, 30, 30, 15, 100);

        assertThat(HighPotentialCut.of(population("5", "7", "9"), AS_OF, all).cut()).contains(new BigDecimal("5"));
    }

    @Test
    void classifyAllKeepsInputOrderAndFlagsAgainstThePopulationCut() {
        List<OrderHistory> population = List.of(firstOrderWorth("low", "5"), OrderHistory.neverPaid("p"),
                firstOrderWorth("high", "500"));

        List<LifecycleAssessment> assessments = CLASSIFIER.classifyAll(population, AS_OF);

        assertThat(assessments).extracting(LifecycleAssessment::customerId).containsExactly("low", "p", "high");
        assertThat(assessments).extracting(LifecycleAssessment::highPotential).containsExactly(false, false, true);
        assertThat(assessments.get(2).flags()).containsOnlyKeys(LifecycleFlag.NEW_CUSTOMER_CHURN_RISK,
                LifecycleFlag.HIGH_POTENTIAL);
    }

    private static List<OrderHistory> population(String... firstOrderValues) {
        List<OrderHistory> population = new ArrayList<>();
        for (String value : firstOrderValues) {
            String id = "v" + value;
            population.add(new OrderHistory(uniqueId(population, id), List.of(daysAgo(40)), new BigDecimal(value)));
        }
        return population;
    }

    /** {@code v50}, then {@code v50#2}, {@code v50#3} for repeated values. */
    private static String uniqueId(List<OrderHistory> population, String id) {
        String candidate = id;
        for (int copy = 2; contains(population, candidate); copy++) {
            candidate = id + "#" + copy;
        }
        return candidate;
    }

    private static boolean contains(List<OrderHistory> population, String id) {
        return population.stream().anyMatch(history -> history.customerId().equals(id));
    }

    private static List<String> highPotential(List<OrderHistory> population) {
        return CLASSIFIER.classifyAll(population, AS_OF).stream().filter(LifecycleAssessment::highPotential)
                .map(LifecycleAssessment::customerId).toList();
    }
}

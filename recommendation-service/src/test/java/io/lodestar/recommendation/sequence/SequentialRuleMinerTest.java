package io.lodestar.recommendation.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SequentialRuleMinerTest {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final int FORMULA = 0;
    static final int STROLLER = 1;
    static final int DIAPERS = 2;
    static final SequenceParameters THIRTY_DAYS_ANY = new SequenceParameters(Duration.ofDays(30), 1, 0, 0);

    static Purchase bought(int item, int day) {
        return new Purchase(item, START.plus(Duration.ofDays(day)));
    }

    /**
     * 8 customers. Formula (0) → stroller (1) within 30 days: c0 (second formula, 25 days), c1 (exactly 30), c3 (2);
     * not c2 (31 days). Stroller → diapers (2): c4. c6 buys formula and diapers in one order, which is no sequence.
     */
    static List<List<Purchase>> customers() {
        return List.of(
                List.of(bought(FORMULA, 0), bought(FORMULA, 10), bought(STROLLER, 35)),
                List.of(bought(FORMULA, 0), bought(STROLLER, 30)),
                List.of(bought(FORMULA, 0), bought(STROLLER, 31)),
                List.of(bought(FORMULA, 5), bought(STROLLER, 7), bought(STROLLER, 20)),
                List.of(bought(STROLLER, 0), bought(DIAPERS, 1)),
                List.of(bought(DIAPERS, 0)),
                List.of(bought(FORMULA, 0), bought(DIAPERS, 0)),
                List.of());
    }

    @Test
    void countsMatchHandComputedValues() {
        List<SequentialRule> rules = SequentialRuleMiner.mine(customers(), THIRTY_DAYS_ANY);

        // formula: c0 c1 c2 c3 c6 = 5 customers; stroller: c0..c4 = 5; diapers: c4 c5 c6 = 3; 8 customers in all
        // formula → stroller: 3 customers; confidence 3/5; lift 0.6 / (5/8) = 0.96; days {25, 30, 2} → median 25
        // stroller → diapers: 1 customer; confidence 1/5; lift 0.2 / (3/8)
        assertThat(rules).hasSize(2);
        SequentialRule formulaThenStroller = rules.get(0);
        assertThat(formulaThenStroller.antecedent()).isEqualTo(FORMULA);
        assertThat(formulaThenStroller.consequent()).isEqualTo(STROLLER);
        assertThat(formulaThenStroller.customersWithAntecedent()).isEqualTo(5);
        assertThat(formulaThenStroller.customersWithSequence()).isEqualTo(3);
        assertThat(formulaThenStroller.support()).isCloseTo(3 / 8d, within(1e-12));
        assertThat(formulaThenStroller.confidence()).isCloseTo(0.6, within(1e-12));
        assertThat(formulaThenStroller.lift()).isCloseTo(0.96, within(1e-12));
        assertThat(formulaThenStroller.medianDaysBetween()).isCloseTo(25, within(1e-12));

        SequentialRule strollerThenDiapers = rules.get(1);
        assertThat(strollerThenDiapers.antecedent()).isEqualTo(STROLLER);
        assertThat(strollerThenDiapers.consequent()).isEqualTo(DIAPERS);
        assertThat(strollerThenDiapers.customersWithSequence()).isEqualTo(1);
        assertThat(strollerThenDiapers.lift()).isCloseTo(0.2 / (3 / 8d), within(1e-12));
        assertThat(strollerThenDiapers.medianDaysBetween()).isCloseTo(1, within(1e-12));
    }

    @Test
    void gapIsInclusiveAtExactlyDDaysAndExclusiveAfter() {
        List<List<Purchase>> exactly = List.of(List.of(bought(FORMULA, 0), bought(STROLLER, 30)));
        List<List<Purchase>> dayLater = List.of(List.of(bought(FORMULA, 0), bought(STROLLER, 31)));
        List<List<Purchase>> secondLater = List.of(List.of(bought(FORMULA, 0),
                new Purchase(STROLLER, START.plus(Duration.ofDays(30)).plusSeconds(1))));

        assertThat(SequentialRuleMiner.mine(exactly, THIRTY_DAYS_ANY)).hasSize(1);
        assertThat(SequentialRuleMiner.mine(dayLater, THIRTY_DAYS_ANY)).isEmpty();
        assertThat(SequentialRuleMiner.mine(secondLater, THIRTY_DAYS_ANY)).isEmpty();
    }

    @Test
    void countsACustomerOncePerPairFromTheFirstAFollowedByB() {
        List<List<Purchase>> twice = List.of(
                List.of(bought(FORMULA, 0), bought(STROLLER, 5), bought(FORMULA, 10), bought(STROLLER, 15)),
                // the first formula is 35 days before the stroller: measured from the second one
                List.of(bought(FORMULA, 0), bought(FORMULA, 10), bought(STROLLER, 35)));

        List<SequentialRule> rules = SequentialRuleMiner.mine(twice, THIRTY_DAYS_ANY);

        // stroller → formula (c0, day 5 → 10) is a rule as well
        SequentialRule formulaThenStroller = rules.stream().filter(r -> r.antecedent() == FORMULA).findFirst()
                .orElseThrow();
        assertThat(formulaThenStroller.customersWithSequence()).isEqualTo(2);
        assertThat(formulaThenStroller.customersWithAntecedent()).isEqualTo(2);
        assertThat(formulaThenStroller.medianDaysBetween()).isCloseTo((5 + 25) / 2d, within(1e-12));
        assertThat(rules).filteredOn(r -> r.antecedent() == STROLLER).singleElement()
                .extracting(SequentialRule::customersWithSequence).isEqualTo(1);
    }

    @Test
    void purchasesOfOneInstantAreNoSequenceAndInputOrderDoesNotMatter() {
        List<List<Purchase>> sameOrder = List.of(List.of(bought(FORMULA, 3), bought(STROLLER, 3)));
        List<List<Purchase>> shuffled = List.of(List.of(bought(STROLLER, 9), bought(FORMULA, 3)));

        assertThat(SequentialRuleMiner.mine(sameOrder, THIRTY_DAYS_ANY)).isEmpty();
        assertThat(SequentialRuleMiner.mine(shuffled, THIRTY_DAYS_ANY)).singleElement()
                .satisfies(rule -> {
                    assertThat(rule.antecedent()).isEqualTo(FORMULA);
                    assertThat(rule.medianDaysBetween()).isCloseTo(6, within(1e-12));
                });
    }

    @Test
    void appliesMinimumCustomersConfidenceAndLift() {
        assertThat(SequentialRuleMiner.mine(customers(), new SequenceParameters(Duration.ofDays(30), 2, 0, 0)))
                .extracting(SequentialRule::antecedent).containsExactly(FORMULA);
        assertThat(SequentialRuleMiner.mine(customers(), new SequenceParameters(Duration.ofDays(30), 1, 0.7, 0)))
                .isEmpty();
        assertThat(SequentialRuleMiner.mine(customers(), new SequenceParameters(Duration.ofDays(30), 1, 0, 0.9)))
                .extracting(SequentialRule::consequent).containsExactly(STROLLER);
        assertThat(SequentialRuleMiner.mine(List.of(), THIRTY_DAYS_ANY)).isEmpty();
    }

    @Test
    void agreesWithABruteForceCountOnRandomHistories() {
        Random random = new Random(5);
        List<List<Purchase>> customers = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            List<Purchase> purchases = new ArrayList<>();
            int count = random.nextInt(25);
            for (int p = 0; p < count; p++) {
                purchases.add(new Purchase(random.nextInt(15), START.plus(Duration.ofHours(random.nextInt(200 * 24)))));
            }
            customers.add(purchases);
        }
        Duration gap = Duration.ofDays(20);

        List<SequentialRule> rules = SequentialRuleMiner.mine(customers, new SequenceParameters(gap, 1, 0, 0));

        Map<Long, List<Double>> expected = new HashMap<>();
        for (List<Purchase> purchases : customers) {
            for (int a = 0; a < 15; a++) {
                for (int b = 0; b < 15; b++) {
                    if (a == b) {
                        continue;
                    }
                    Double days = firstSequenceDays(purchases, a, b, gap);
                    if (days != null) {
                        expected.computeIfAbsent(((long) a << 32) | b, k -> new ArrayList<>()).add(days);
                    }
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(rules).hasSize(expected.size());
        for (SequentialRule rule : rules) {
            List<Double> days = expected.get(((long) rule.antecedent() << 32) | rule.consequent());
            assertThat(rule.customersWithSequence()).isEqualTo(days.size());
            days.sort(null);
            int m = days.size() / 2;
            double median = days.size() % 2 == 1 ? days.get(m) : (days.get(m - 1) + days.get(m)) / 2;
            assertThat(rule.medianDaysBetween()).isCloseTo(median, within(1e-9));
        }
    }

    @Test
    void largeCataloguesAndCustomersTakeTheHashedPathsWithTheSameResults() {
        // 4,100 distinct items per customer and 4,100² candidate pairs: above both dense limits
        int items = 4_100;
        List<Purchase> oneAnHour = new ArrayList<>();
        for (int item = 0; item < items; item++) {
            oneAnHour.add(new Purchase(item, START.plus(Duration.ofHours(item))));
        }

        List<SequentialRule> rules = SequentialRuleMiner.mine(List.of(oneAnHour, oneAnHour),
                new SequenceParameters(Duration.ofHours(1), 1, 0, 0));

        // only the next item is within the hour: (i, i+1) for every i, both customers, confidence 1, lift 1
        assertThat(rules).hasSize(items - 1).allSatisfy(rule -> {
            assertThat(rule.consequent()).isEqualTo(rule.antecedent() + 1);
            assertThat(rule.customersWithSequence()).isEqualTo(2);
            assertThat(rule.lift()).isEqualTo(1.0);
            assertThat(rule.medianDaysBetween()).isCloseTo(1 / 24d, within(1e-12));
        });
        assertThat(rules.get(0).antecedent()).isZero();
    }

    /** Straight from the definition: the earliest A with a B after it within the gap, to the first such B. */
    private static Double firstSequenceDays(List<Purchase> purchases, int a, int b, Duration gap) {
        Instant bestA = null;
        Instant firstB = null;
        for (Purchase pa : purchases) {
            if (pa.item() != a || (bestA != null && !pa.at().isBefore(bestA))) {
                continue;
            }
            Instant earliestB = null;
            for (Purchase pb : purchases) {
                if (pb.item() == b && pb.at().isAfter(pa.at()) && !pb.at().isAfter(pa.at().plus(gap))
                        && (earliestB == null || pb.at().isBefore(earliestB))) {
                    earliestB = pb.at();
                }
            }
            if (earliestB != null) {
                bestA = pa.at();
                firstB = earliestB;
            }
        }
        return bestA == null ? null : Duration.between(bestA, firstB).toMillis() / 86_400_000d;
    }

    @Test
    void parametersRejectInvalidValues() {
        assertThatThrownBy(() -> new SequenceParameters(Duration.ZERO, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SequenceParameters(null, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SequenceParameters(Duration.ofDays(1), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SequenceParameters(Duration.ofDays(1), 1, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SequenceParameters(Duration.ofDays(1), 1, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Purchase(-1, START)).isInstanceOf(IllegalArgumentException.class);
    }
}

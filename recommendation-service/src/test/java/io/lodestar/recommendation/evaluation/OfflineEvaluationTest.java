package io.lodestar.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.model.Recommender;
import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

class OfflineEvaluationTest {

    private static final Offset<Double> EXACT = within(1e-12);
    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    private static final Instant DAY_0 = Instant.parse("2026-03-01T00:00:00Z");

    private static TimedInteraction on(int day, String customer, String item) {
        return new TimedInteraction(customer, item, 1f, DAY_0.plus(day, ChronoUnit.DAYS));
    }

    /**
     * Training (days 1–2): a {i0, i1}, b {i0, i2}, c {i0, i3}, e {i4}. Test (day 10): a wants i2, b wants i3 and i4,
     * d is cold start. Items i0..i4 are training columns 0..4.
     */
    private static EvaluationSplit tinySplit() {
        return EvaluationSplit.byTime(List.of(
                on(1, "a", "i0"), on(2, "a", "i1"), on(1, "b", "i0"), on(2, "b", "i2"), on(1, "c", "i0"),
                on(2, "c", "i3"), on(1, "e", "i4"),
                on(10, "a", "i2"), on(10, "b", "i3"), on(10, "b", "i4"), on(10, "d", "i0")), TimeSplit.lastDays(3));
    }

    /** The same list for everyone: i0 (owned by all, so dropped), then i4, i1, i2, i3. */
    private static Recommender fixedList() {
        return new Recommender() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public List<ScoredItem> recommend(UserHistory history, int n) {
                int[] order = {0, 4, 1, 2, 3};
                List<ScoredItem> items = new ArrayList<>();
                for (int i = 0; i < Math.min(n, order.length); i++) {
                    items.add(new ScoredItem(order[i], 10 - i, ScoredItem.NO_ANCHOR));
                }
                return items;
            }
        };
    }

    @Test
    void everyMetricOfATinySplitMatchesTheHandComputation() {
        EvaluationReport report = OfflineEvaluation.run(tinySplit(), Map.of("fixed", matrix -> fixedList()),
                List.of(2, 1), EvaluationProgress.NONE);

        // after dropping owned items: a sees [4, 2, ...] and wants {2}; b sees [4, 1, ...] and wants {3, 4}
        ModelEvaluation fixed = report.model("fixed");
        assertThat(fixed.usersEvaluated()).isEqualTo(2);
        assertThat(fixed.accuracy()).extracting(AccuracyAtK::k).containsExactly(1, 2);

        AccuracyAtK at1 = fixed.at(1);
        assertThat(at1.precision()).isCloseTo((0 + 1) / 2.0, EXACT);
        assertThat(at1.recall()).isCloseTo((0 + 0.5) / 2, EXACT);
        assertThat(at1.ndcg()).isCloseTo((0 + 1) / 2.0, EXACT);
        assertThat(at1.map()).isCloseTo((0 + 1) / 2.0, EXACT);
        assertThat(at1.hitRate()).isCloseTo(0.5, EXACT);

        AccuracyAtK at2 = fixed.at(2);
        assertThat(at2.precision()).isCloseTo((0.5 + 0.5) / 2, EXACT);
        assertThat(at2.recall()).isCloseTo((1 + 0.5) / 2, EXACT);
        assertThat(at2.ndcg()).isCloseTo((1 / LOG2_3 + 1 / (1 + 1 / LOG2_3)) / 2, EXACT);
        assertThat(at2.map()).isCloseTo((0.5 + 0.5) / 2, EXACT);
        assertThat(at2.hitRate()).isCloseTo(1.0, EXACT);

        // top-2 lists {4, 2} and {4, 1}: 3 of 5 items; head = i0..i3 (6 of 7 interactions), so i4 is the long tail
        assertThat(fixed.coverageK()).isEqualTo(2);
        assertThat(fixed.coverage()).isCloseTo(3.0 / 5, EXACT);
        assertThat(fixed.longTailShare()).isCloseTo(2.0 / 4, EXACT);
        assertThat(report.split().coldStartCustomers()).isEqualTo(1);
    }

    @Test
    void everyReportStartsWithThePopularityAndRandomBaselines() {
        EvaluationReport report = OfflineEvaluation.run(tinySplit(), Map.of("fixed", matrix -> fixedList()),
                List.of(1), EvaluationProgress.NONE);

        assertThat(report.models()).extracting(ModelEvaluation::model).containsExactly("popularity", "random", "fixed");
        // popularity ranks i0 (3 customers) then i1..i4 by index: a gets [2, 3] and hits at once, b gets [1, 3]
        assertThat(report.model("popularity").at(1).hitRate()).isCloseTo(0.5, EXACT);
    }

    @Test
    void repeatedRunsGiveIdenticalTables() {
        EvaluationSplit split = syntheticSplit();

        EvaluationReport first = OfflineEvaluation.run(split, Map.of(), List.of(5, 10), EvaluationProgress.NONE);
        EvaluationReport second = OfflineEvaluation.run(split, Map.of(), List.of(5, 10), EvaluationProgress.NONE);

        for (String model : List.of("popularity", "random")) {
            assertThat(second.model(model).accuracy()).isEqualTo(first.model(model).accuracy());
            assertThat(second.model(model).coverage()).isEqualTo(first.model(model).coverage());
        }
    }

    @Test
    void popularityBeatsRandomOnAPopulationWithPopularItems() {
        EvaluationReport report = OfflineEvaluation.run(syntheticSplit(), Map.of(), List.of(10),
                EvaluationProgress.NONE);

        AccuracyAtK popularity = report.model("popularity").at(10);
        AccuracyAtK random = report.model("random").at(10);
        assertThat(popularity.users()).isGreaterThan(300);
        assertThat(popularity.ndcg()).isGreaterThan(2 * random.ndcg());
        assertThat(popularity.hitRate()).isGreaterThan(2 * random.hitRate());
        // ... and shows far less of the catalogue, almost none of it from the long tail
        assertThat(report.model("popularity").coverage()).isLessThan(report.model("random").coverage());
        assertThat(report.model("popularity").longTailShare()).isLessThan(report.model("random").longTailShare());
    }

    @Test
    void progressRisesPerModelAndPhaseAndEndsAtOneHundred() {
        List<String> seen = new ArrayList<>();
        List<Integer> percents = new ArrayList<>();

        OfflineEvaluation.run(tinySplit(), Map.of("fixed", matrix -> fixedList()), List.of(1),
                (model, phase, percent) -> {
                    seen.add(model + ":" + phase);
                    percents.add(percent);
                });

        assertThat(seen).startsWith("popularity:TRAINING", "popularity:RECOMMENDING", "popularity:SCORING")
                .contains("fixed:SCORING").endsWith("null:DONE");
        assertThat(percents).isSorted().last().isEqualTo(100);
    }

    @Test
    void anEmptySplitGivesZeroRowsRatherThanFailing() {
        EvaluationReport report = OfflineEvaluation.run(EvaluationSplit.byTime(List.of(), TimeSplit.lastDays(7)),
                Map.of(), List.of(10), EvaluationProgress.NONE);

        assertThat(report.models()).hasSize(2).allSatisfy(model -> {
            assertThat(model.usersEvaluated()).isZero();
            assertThat(model.at(10)).isEqualTo(new AccuracyAtK(10, 0, 0, 0, 0, 0, 0));
            assertThat(model.coverage()).isZero();
        });
    }

    @Test
    void rejectsReservedNamesAndEmptyKs() {
        Function<InteractionMatrix, Recommender> model = matrix -> fixedList();

        assertThatThrownBy(() -> OfflineEvaluation.run(tinySplit(), Map.of("random", model), List.of(1),
                EvaluationProgress.NONE)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> OfflineEvaluation.run(tinySplit(), Map.of(), List.of(), EvaluationProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OfflineEvaluation.run(tinySplit(), Map.of(), List.of(0), EvaluationProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aModelReturningAnUnknownIndexFailsTheRun() {
        Recommender broken = new Recommender() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<ScoredItem> recommend(UserHistory history, int n) {
                return List.of(new ScoredItem(99, 1, ScoredItem.NO_ANCHOR));
            }
        };

        assertThatThrownBy(() -> OfflineEvaluation.run(tinySplit(), Map.of("broken", matrix -> broken), List.of(1),
                EvaluationProgress.NONE)).hasMessageContaining("outside the training catalogue");
    }

    /**
     * 400 customers each buying 8 distinct items over 8 days from 300 items with Zipf-like popularity (weight
     * 1 / (rank + 1)); leave-last-out holds out each customer's last purchase. Seeded, so the split is fixed.
     */
    private static EvaluationSplit syntheticSplit() {
        Random random = new Random(17);
        int items = 300;
        double[] cumulative = new double[items];
        double total = 0;
        for (int i = 0; i < items; i++) {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }
        List<TimedInteraction> history = new ArrayList<>();
        for (int c = 0; c < 400; c++) {
            Set<Integer> bought = new HashSet<>();
            int day = 0;
            while (bought.size() < 8) {
                double u = random.nextDouble() * total;
                int item = 0;
                while (cumulative[item] < u) {
                    item++;
                }
                if (bought.add(item)) {
                    history.add(on(day++, "c" + c, "i" + item));
                }
            }
        }
        return EvaluationSplit.leaveLastOut(history);
    }
}

package io.lodestar.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.interaction.InteractionKind;
import io.lodestar.recommendation.interaction.InteractionWeighting;
import io.lodestar.recommendation.model.InteractionMatrix;

/** The stored history as the evaluation job and the data-set test prepare it. */
class EvaluationInputTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration HALF_LIFE = Duration.ofDays(10);

    private static InteractionWeighting weighting() {
        Map<InteractionKind, Float> weights = new EnumMap<>(InteractionKind.class);
        for (InteractionKind kind : InteractionKind.values()) {
            weights.put(kind, 1f);
        }
        weights.put(InteractionKind.ORDER, 10f);
        weights.put(InteractionKind.REFUND, -10f);
        return new InteractionWeighting(weights, HALF_LIFE, 5);
    }

    private static RecordedInteraction order(String customer, String item, String orderId, int day) {
        return new RecordedInteraction(customer, item, InteractionKind.ORDER, 1, orderId,
                T0.plus(Duration.ofDays(day)));
    }

    @Test
    void aTimeSplitWeighsTrainingAsOfTheCutAndKeepsOnlyTrainingOrdersAsBaskets() {
        List<RecordedInteraction> history = List.of(order("c1", "a", "o1", 0), order("c1", "b", "o1", 0),
                order("c2", "a", "o2", 10), order("c2", "c", "o3", 25), order("c1", "c", "o4", 25));
        EvaluationInput input = EvaluationInput.byTime(history, weighting(), 10,
                Optional.of(T0.plus(Duration.ofDays(20))));

        assertThat(input.weightedAsOf()).isEqualTo(T0.plus(Duration.ofDays(20)));
        InteractionMatrix training = input.split().training();
        assertThat(training.itemIds()).containsExactly("a", "b");
        // c1's day-0 purchases are two half-lives old at the cut, c2's day-10 one is one half-life old.
        assertThat(training.weights()).containsExactly(2.5f, 2.5f, 5f);
        assertThat(input.trainingBaskets()).isDeepEqualTo(new int[][] {{0, 1}, {0}});
        // "c" is bought by both in the test period, but training never saw it: unreachable, nobody is evaluated.
        assertThat(input.split().summary().unreachablePairs()).isEqualTo(2);
    }

    @Test
    void leaveLastOutRemovesTheHeldOutItemFromItsCustomersBaskets() {
        List<RecordedInteraction> history = List.of(order("c1", "a", "o1", 0), order("c1", "b", "o1", 0),
                order("c1", "c", "o2", 5), order("c2", "a", "o3", 1), order("c2", "c", "o3", 1),
                order("c2", "b", "o4", 6));
        EvaluationInput input = EvaluationInput.leaveLastOut(history, weighting());

        assertThat(input.weightedAsOf()).isEqualTo(T0.plus(Duration.ofDays(6)));
        InteractionMatrix training = input.split().training();
        assertThat(training.itemIds()).containsExactly("a", "b", "c");
        assertThat(input.split().relevant(0)).containsExactly(2); // c1 held out c
        assertThat(input.split().relevant(1)).containsExactly(1); // c2 held out b
        // o2 held only c1's held-out item and o4 only c2's: no basket is left of them.
        assertThat(input.trainingBaskets()).isDeepEqualTo(new int[][] {{0, 1}, {0, 2}});
    }
}

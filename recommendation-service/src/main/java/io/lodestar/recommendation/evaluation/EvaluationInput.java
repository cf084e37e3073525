package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import io.lodestar.recommendation.interaction.InteractionKind;
import io.lodestar.recommendation.interaction.InteractionWeighting;
import io.lodestar.recommendation.model.InteractionMatrix;

/**
 * The stored history turned into what {@link OfflineEvaluation} and the basket models need: the split, and the
 * baskets of the training orders in the split's item indices. The evaluation job and the data-set test both go
 * through here, so the published table measures exactly what the job measures.
 *
 * <p>Weights are decayed as of the moment the models would have been trained: the cut for a time split (a model
 * trained then would not know the test period), the latest interaction for leave-last-out.
 *
 * @param split            the training matrix and relevant items
 * @param trainingBaskets  the distinct training items of each order that is part of training, as training column
 *                         indices; for leave-last-out the held-out item is removed from its customer's baskets
 * @param weightedAsOf     the instant the weights were decayed to
 */
public record EvaluationInput(EvaluationSplit split, int[][] trainingBaskets, Instant weightedAsOf) {

    public EvaluationInput {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(trainingBaskets, "trainingBaskets");
        Objects.requireNonNull(weightedAsOf, "weightedAsOf");
    }

    /**
     * A time split: the test period is {@code testDays} long and starts at {@code cut}, or {@code testDays} before the
     * latest interaction when no cut is given. Items a customer already had in training are not relevant (the usual
     * protocol, {@link TimeSplit#lastDays}).
     */
    public static EvaluationInput byTime(List<RecordedInteraction> history, InteractionWeighting weighting,
            int testDays, Optional<Instant> cut) {
        TimeSplit split = TimeSplit.lastDays(testDays);
        Instant effectiveCut = cut.orElseGet(() -> latest(history).minus(split.testPeriod()));
        List<TimedInteraction> timed = weighted(history, weighting, effectiveCut);
        EvaluationSplit built = EvaluationSplit.byTime(timed, split.from(effectiveCut));
        List<RecordedInteraction> beforeCut = new ArrayList<>();
        for (RecordedInteraction interaction : history) {
            if (interaction.at().isBefore(effectiveCut)) {
                beforeCut.add(interaction);
            }
        }
        return new EvaluationInput(built, baskets(beforeCut, built, false), effectiveCut);
    }

    /** Leave-last-out, weighted as of the latest interaction. */
    public static EvaluationInput leaveLastOut(List<RecordedInteraction> history, InteractionWeighting weighting) {
        Instant asOf = latest(history);
        EvaluationSplit built = EvaluationSplit.leaveLastOut(weighted(history, weighting, asOf));
        return new EvaluationInput(built, baskets(history, built, true), asOf);
    }

    /** By method; {@code testDays} and {@code cut} only apply to {@link SplitMethod#TIME}. */
    public static EvaluationInput of(SplitMethod method, List<RecordedInteraction> history,
            InteractionWeighting weighting, int testDays, Optional<Instant> cut) {
        return method == SplitMethod.TIME ? byTime(history, weighting, testDays, cut)
                : leaveLastOut(history, weighting);
    }

    private static Instant latest(List<RecordedInteraction> history) {
        return history.stream().map(RecordedInteraction::at).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static List<TimedInteraction> weighted(List<RecordedInteraction> history, InteractionWeighting weighting,
            Instant asOf) {
        List<TimedInteraction> timed = new ArrayList<>(history.size());
        for (RecordedInteraction interaction : history) {
            timed.add(new TimedInteraction(interaction.customerId(), interaction.itemId(),
                    weighting.weight(interaction.kind(), interaction.quantity(), interaction.at(), asOf),
                    interaction.at()));
        }
        return timed;
    }

    /**
     * Paid orders' distinct items that the training matrix knows. With {@code dropHeldOut}, each customer's held-out
     * item is removed from their baskets, otherwise the rules would have seen the answer.
     */
    private static int[][] baskets(List<RecordedInteraction> orders, EvaluationSplit split, boolean dropHeldOut) {
        InteractionMatrix training = split.training();
        // The split's dictionaries are in id order, so a binary search finds an id's index.
        List<String> itemIds = training.itemIds();
        List<String> customerIds = training.customerIds();
        Map<String, TreeSet<Integer>> byOrder = new LinkedHashMap<>();
        for (RecordedInteraction interaction : orders) {
            if (interaction.kind() != InteractionKind.ORDER || interaction.orderId() == null) {
                continue;
            }
            int column = Collections.binarySearch(itemIds, interaction.itemId());
            if (column < 0) {
                continue;
            }
            if (dropHeldOut) {
                int row = Collections.binarySearch(customerIds, interaction.customerId());
                if (row >= 0 && Arrays.binarySearch(split.relevantView(row), column) >= 0) {
                    continue;
                }
            }
            byOrder.computeIfAbsent(interaction.orderId(), order -> new TreeSet<>()).add(column);
        }
        return byOrder.values().stream().map(items -> items.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }
}

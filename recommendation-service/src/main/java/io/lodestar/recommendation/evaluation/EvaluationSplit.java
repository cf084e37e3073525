package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.model.UserHistory;

/**
 * A training matrix plus, for each training customer, the items a model should have found: the input of
 * {@link OfflineEvaluation}.
 *
 * <p>The training matrix has only training customers and training items, in id order (so the same history always gives the
 * same indices). A relevant item must be one a model can return, so relevant items that never occur in training are
 * dropped and counted as unreachable, and customers without any training interaction are dropped and counted as cold
 * start (see {@link SplitSummary}). A positive test item is one whose test-period weights sum to more than zero, so a
 * purchase refunded within the test period is not relevant.
 *
 * <p>Immutable; {@link #relevant(int)} hands out copies.
 */
public final class EvaluationSplit {

    private static final int[] NONE = new int[0];

    private final InteractionMatrix training;
    private final int[][] relevantByRow;
    private final int[] evaluatedRows;
    private final boolean trainingItemsExcluded;
    private final SplitSummary summary;

    private EvaluationSplit(InteractionMatrix training, int[][] relevantByRow, boolean trainingItemsExcluded,
            SplitSummary summary) {
        this.training = training;
        this.relevantByRow = relevantByRow;
        this.evaluatedRows = IntStream.range(0, relevantByRow.length)
                .filter(row -> relevantByRow[row].length > 0).toArray();
        this.trainingItemsExcluded = trainingItemsExcluded;
        this.summary = summary;
    }

    /**
     * A time-based split (see {@link TimeSplit} for where the cut falls): the model is trained on the past and judged on
     * what customers did next, the closest offline stand-in for production.
     */
    public static EvaluationSplit byTime(Collection<TimedInteraction> interactions, TimeSplit split) {
        Objects.requireNonNull(split, "split");
        Instant latest = interactions.stream().map(TimedInteraction::at).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        Instant cut = split.cut().orElse(latest.minus(split.testPeriod()));
        Instant testEnd = cut.plus(split.testPeriod());
        List<TimedInteraction> training = new ArrayList<>();
        Map<String, Map<String, Double>> testWeights = new TreeMap<>();
        for (TimedInteraction interaction : interactions) {
            if (interaction.at().isBefore(cut)) {
                training.add(interaction);
            } else if (!interaction.at().isAfter(testEnd)) {
                testWeights.computeIfAbsent(interaction.customerId(), customer -> new TreeMap<>())
                        .merge(interaction.itemId(), (double) interaction.weight(), Double::sum);
            }
        }
        return assemble(training, positiveItems(testWeights), split.excludeTrainingItems());
    }

    /**
     * Leave-last-out: each customer's latest positive interaction is held out as their one relevant item, and all their
     * interactions with that item are removed from training (otherwise the model would see the answer). The rest of the
     * history is training. Ties on the instant go to the greater item id, so the split is deterministic. A customer whose
     * whole history was that item is cold start.
     */
    public static EvaluationSplit leaveLastOut(Collection<TimedInteraction> interactions) {
        Map<String, TimedInteraction> latestPositive = new HashMap<>();
        Comparator<TimedInteraction> byTimeThenItem = Comparator.comparing(TimedInteraction::at)
                .thenComparing(TimedInteraction::itemId);
        for (TimedInteraction interaction : interactions) {
            if (interaction.weight() > 0f) {
                latestPositive.merge(interaction.customerId(), interaction,
                        (a, b) -> byTimeThenItem.compare(a, b) >= 0 ? a : b);
            }
        }
        List<TimedInteraction> training = new ArrayList<>();
        for (TimedInteraction interaction : interactions) {
            TimedInteraction heldOut = latestPositive.get(interaction.customerId());
            if (heldOut == null || !heldOut.itemId().equals(interaction.itemId())) {
                training.add(interaction);
            }
        }
        Map<String, List<String>> relevant = new TreeMap<>();
        latestPositive.forEach((customer, heldOut) -> relevant.put(customer, List.of(heldOut.itemId())));
        return assemble(training, relevant, true);
    }

    private static Map<String, List<String>> positiveItems(Map<String, Map<String, Double>> testWeights) {
        Map<String, List<String>> positive = new TreeMap<>();
        testWeights.forEach((customer, items) -> {
            List<String> wanted = new ArrayList<>();
            items.forEach((item, net) -> {
                if (net > 0) {
                    wanted.add(item);
                }
            });
            if (!wanted.isEmpty()) {
                positive.put(customer, wanted);
            }
        });
        return positive;
    }

    private static EvaluationSplit assemble(List<TimedInteraction> trainingInteractions,
            Map<String, List<String>> positiveTestItems, boolean excludeTrainingItems) {
        TreeSet<String> customerIds = new TreeSet<>();
        TreeSet<String> itemIds = new TreeSet<>();
        for (TimedInteraction interaction : trainingInteractions) {
            customerIds.add(interaction.customerId());
            itemIds.add(interaction.itemId());
        }
        Map<String, Integer> rowOf = indexOf(customerIds);
        Map<String, Integer> columnOf = indexOf(itemIds);
        InteractionMatrix.Builder builder = InteractionMatrix.builder(List.copyOf(customerIds), List.copyOf(itemIds));
        for (TimedInteraction interaction : trainingInteractions) {
            builder.add(rowOf.get(interaction.customerId()), columnOf.get(interaction.itemId()), interaction.weight());
        }
        InteractionMatrix training = builder.build();

        int[][] relevantByRow = new int[training.customerCount()][];
        Arrays.fill(relevantByRow, NONE);
        int coldStart = 0;
        int evaluated = 0;
        int relevantPairs = 0;
        int unreachable = 0;
        int repeats = 0;
        for (Map.Entry<String, List<String>> entry : positiveTestItems.entrySet()) {
            Integer row = rowOf.get(entry.getKey());
            if (row == null) {
                coldStart++;
                continue;
            }
            int[] known = UserHistory.ofRow(training, row).items();
            int[] relevant = new int[entry.getValue().size()];
            int kept = 0;
            for (String itemId : entry.getValue()) {
                Integer column = columnOf.get(itemId);
                if (column == null) {
                    unreachable++;
                } else if (excludeTrainingItems && Arrays.binarySearch(known, column) >= 0) {
                    repeats++;
                } else {
                    relevant[kept++] = column;
                }
            }
            if (kept > 0) {
                relevantByRow[row] = Arrays.copyOf(relevant, kept);
                Arrays.sort(relevantByRow[row]);
                evaluated++;
                relevantPairs += kept;
            }
        }
        SplitSummary summary = new SplitSummary(positiveTestItems.size(), coldStart, evaluated, relevantPairs,
                unreachable, repeats);
        return new EvaluationSplit(training, relevantByRow, excludeTrainingItems, summary);
    }

    private static Map<String, Integer> indexOf(TreeSet<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (String id : ids) {
            index.put(id, index.size());
        }
        return index;
    }

    /** The matrix every model of the evaluation is trained on. */
    public InteractionMatrix training() {
        return training;
    }

    /** The relevant items (training column indices, increasing) of training row {@code row}; empty when none. */
    public int[] relevant(int row) {
        return relevantByRow[Objects.checkIndex(row, relevantByRow.length)].clone();
    }

    /** Training rows with at least one relevant item, increasing: the users metrics are averaged over. */
    public int[] evaluatedRows() {
        return evaluatedRows.clone();
    }

    /**
     * Whether items a customer had in training were left out of their relevant set; the evaluation then also leaves
     * them out of each top-k, so that both sides follow the same protocol.
     */
    public boolean trainingItemsExcluded() {
        return trainingItemsExcluded;
    }

    public SplitSummary summary() {
        return summary;
    }

    /** Package-private view without copying, for the evaluation loop. */
    int[] relevantView(int row) {
        return relevantByRow[row];
    }
}

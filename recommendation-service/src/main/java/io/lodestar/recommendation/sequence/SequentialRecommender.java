package io.lodestar.recommendation.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.recommendation.model.Recommender;
import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

/**
 * Recommends what customers typically buy next: for each item the customer bought (positive weight), the consequents of
 * its sequential rules, scored {@code confidence · lift} and explained by that item.
 *
 * <p>Why {@code confidence · lift}: confidence alone favours best-sellers (nearly every history is "followed" by the
 * most popular items), lift alone favours rare pairs where a handful of customers carry the rule; the product needs
 * both a likely follow-up and a real association. When several history items lead to the same item, the strongest
 * rule counts rather than the sum, so the score stays a property of one explainable rule. Items the customer rejected
 * (negative weight) are never proposed.
 *
 * <p>{@link UserHistory} carries no times, so the model cannot check that A was bought within the rule's gap: callers
 * pass a recent history (e.g. the last {@code maxGap}) when that matters. Stored as four parallel arrays
 * ({@link #antecedents()}, {@link #consequents()}, {@link #confidences()}, {@link #lifts()}), reloaded with
 * {@link #restore}. Immutable and thread-safe.
 */
public final class SequentialRecommender implements Recommender {

    /** The model name reported with every recommendation. */
    public static final String NAME = "sequential";

    private static final Comparator<ScoredItem> BEST_FIRST = Comparator.comparingDouble(ScoredItem::score)
            .reversed().thenComparingInt(ScoredItem::item);

    // Parallel arrays sorted by antecedent, then score descending, then consequent: one binary search finds an item's
    // rules already in serving order.
    private final int[] antecedents;
    private final int[] consequents;
    private final double[] confidences;
    private final double[] lifts;

    private SequentialRecommender(int[] antecedents, int[] consequents, double[] confidences, double[] lifts) {
        this.antecedents = antecedents;
        this.consequents = consequents;
        this.confidences = confidences;
        this.lifts = lifts;
    }

    /** A recommender over these rules. */
    public static SequentialRecommender of(List<SequentialRule> rules) {
        int[] antecedents = new int[rules.size()];
        int[] consequents = new int[rules.size()];
        double[] confidences = new double[rules.size()];
        double[] lifts = new double[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            SequentialRule rule = rules.get(r);
            antecedents[r] = rule.antecedent();
            consequents[r] = rule.consequent();
            confidences[r] = rule.confidence();
            lifts[r] = rule.lift();
        }
        return restore(antecedents, consequents, confidences, lifts);
    }

    /**
     * Reloads a stored model from its parallel arrays (any order).
     *
     * @throws IllegalArgumentException on differing lengths, negative indices, A = B, or a non-positive or non-finite
     *                                  confidence or lift
     */
    public static SequentialRecommender restore(int[] antecedents, int[] consequents, double[] confidences,
            double[] lifts) {
        int count = antecedents.length;
        if (consequents.length != count || confidences.length != count || lifts.length != count) {
            throw new IllegalArgumentException("rule arrays differ in length");
        }
        for (int r = 0; r < count; r++) {
            if (antecedents[r] < 0 || consequents[r] < 0 || antecedents[r] == consequents[r]) {
                throw new IllegalArgumentException("rule " + r + ": bad items " + antecedents[r] + " → "
                        + consequents[r]);
            }
            if (!(confidences[r] > 0 && confidences[r] <= 1) || !(lifts[r] > 0) || Double.isInfinite(lifts[r])) {
                throw new IllegalArgumentException("rule " + r + ": confidence must be in (0, 1] and lift positive");
            }
        }
        Integer[] order = new Integer[count];
        for (int r = 0; r < count; r++) {
            order[r] = r;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(r -> antecedents[r])
                .thenComparing(Comparator.<Integer>comparingDouble(r -> confidences[r] * lifts[r]).reversed())
                .thenComparingInt(r -> consequents[r]));
        int[] ownAntecedents = new int[count];
        int[] ownConsequents = new int[count];
        double[] ownConfidences = new double[count];
        double[] ownLifts = new double[count];
        for (int k = 0; k < count; k++) {
            ownAntecedents[k] = antecedents[order[k]];
            ownConsequents[k] = consequents[order[k]];
            ownConfidences[k] = confidences[order[k]];
            ownLifts[k] = lifts[order[k]];
        }
        return new SequentialRecommender(ownAntecedents, ownConsequents, ownConfidences, ownLifts);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Item A of every rule (a copy, for storing; same order as the other three arrays). */
    public int[] antecedents() {
        return antecedents.clone();
    }

    public int[] consequents() {
        return consequents.clone();
    }

    public double[] confidences() {
        return confidences.clone();
    }

    public double[] lifts() {
        return lifts.clone();
    }

    /** Up to {@code n} items customers bought after {@code item}, strongest rule first, each explained by it. */
    public List<ScoredItem> followUps(int item, int n) {
        List<ScoredItem> result = new ArrayList<>();
        for (int r = firstRuleOf(item); r < antecedents.length && antecedents[r] == item && result.size() < n; r++) {
            result.add(new ScoredItem(consequents[r], confidences[r] * lifts[r], item));
        }
        return List.copyOf(result);
    }

    @Override
    public List<ScoredItem> recommend(UserHistory history, int n) {
        if (n <= 0 || history.isEmpty()) {
            return List.of();
        }
        int[] items = history.items();
        float[] weights = history.weights();
        Map<Integer, ScoredItem> best = new HashMap<>();
        for (int h = 0; h < items.length; h++) {
            if (weights[h] <= 0) {
                continue;
            }
            int item = items[h];
            for (int r = firstRuleOf(item); r < antecedents.length && antecedents[r] == item; r++) {
                double score = confidences[r] * lifts[r];
                ScoredItem current = best.get(consequents[r]);
                // history in increasing order and a strict ">": equal scores keep the lowest antecedent
                if (current == null || score > current.score()) {
                    best.put(consequents[r], new ScoredItem(consequents[r], score, item));
                }
            }
        }
        List<ScoredItem> scored = new ArrayList<>();
        for (ScoredItem candidate : best.values()) {
            if (!rejected(history, candidate.item())) {
                scored.add(candidate);
            }
        }
        scored.sort(BEST_FIRST);
        return List.copyOf(scored.subList(0, Math.min(n, scored.size())));
    }

    private static boolean rejected(UserHistory history, int item) {
        int at = Arrays.binarySearch(history.items(), item);
        return at >= 0 && history.weights()[at] < 0;
    }

    private int firstRuleOf(int item) {
        int low = 0;
        int high = antecedents.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (antecedents[middle] < item) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}

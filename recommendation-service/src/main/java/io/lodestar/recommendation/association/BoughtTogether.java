package io.lodestar.recommendation.association;

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
 * "Frequently bought together", from association rules with a single-item consequent: a rule fires when all of its
 * antecedent is in the customer's history (positive weight), and proposes its consequent.
 *
 * <p>Score = {@code confidence · lift}. Confidence alone favours best-sellers (almost every basket "predicts" carrier
 * bags); lift alone favours rare pairs seen in a handful of baskets with low confidence. The product needs a
 * consequent that is both likely and more likely than by chance. When several rules propose the same item
 * ({A}→C and {A,B}→C are largely the same evidence) the strongest one counts, not the sum, so a score is the score of
 * one explainable rule; {@code because} is the antecedent item of that rule the customer weighted most. Items the
 * customer rejected (negative weight) are never proposed and never trigger a rule.
 *
 * <p>Stored as numbers: {@link #antecedentStarts()} (rule r's antecedent is {@code antecedentItems[starts[r] ..
 * starts[r+1])}), {@link #antecedentItems()}, {@link #consequents()}, {@link #confidences()}, {@link #lifts()};
 * reloaded with {@link #restore}. Immutable and thread-safe.
 */
public final class BoughtTogether implements Recommender {

    /** The model name reported with every recommendation. */
    public static final String NAME = "association";

    private static final Comparator<ScoredItem> BEST_FIRST = Comparator.comparingDouble(ScoredItem::score)
            .reversed().thenComparingInt(ScoredItem::item);

    // Rules sorted by score descending (then consequent, then antecedent), as parallel arrays.
    private final int[] antecedentStarts;
    private final int[] antecedentItems;
    private final int[] consequents;
    private final double[] confidences;
    private final double[] lifts;
    /** For each item, the rules whose smallest antecedent item it is, best first: each rule is tried once. */
    private final Map<Integer, int[]> rulesByFirstItem;

    private BoughtTogether(int[] antecedentStarts, int[] antecedentItems, int[] consequents, double[] confidences,
            double[] lifts) {
        this.antecedentStarts = antecedentStarts;
        this.antecedentItems = antecedentItems;
        this.consequents = consequents;
        this.confidences = confidences;
        this.lifts = lifts;
        Map<Integer, List<Integer>> grouped = new HashMap<>();
        for (int r = 0; r < consequents.length; r++) {
            grouped.computeIfAbsent(antecedentItems[antecedentStarts[r]], item -> new ArrayList<>()).add(r);
        }
        Map<Integer, int[]> index = new HashMap<>();
        grouped.forEach((item, rules) -> index.put(item, rules.stream().mapToInt(Integer::intValue).toArray()));
        this.rulesByFirstItem = Map.copyOf(index);
    }

    /** A model from mined rules; rules with more than one consequent item are left out. */
    public static BoughtTogether of(List<AssociationRule> rules) {
        List<AssociationRule> single = new ArrayList<>();
        int antecedentTotal = 0;
        for (AssociationRule rule : rules) {
            if (rule.consequent().length == 1) {
                single.add(rule);
                antecedentTotal += rule.antecedent().length;
            }
        }
        int[] starts = new int[single.size() + 1];
        int[] items = new int[antecedentTotal];
        int[] consequents = new int[single.size()];
        double[] confidences = new double[single.size()];
        double[] lifts = new double[single.size()];
        int written = 0;
        for (int r = 0; r < single.size(); r++) {
            AssociationRule rule = single.get(r);
            starts[r] = written;
            for (int item : rule.antecedent()) {
                items[written++] = item;
            }
            consequents[r] = rule.consequent()[0];
            confidences[r] = rule.confidence();
            lifts[r] = rule.lift();
        }
        starts[single.size()] = written;
        return restore(starts, items, consequents, confidences, lifts);
    }

    /**
     * Reloads a stored model (rules in any order).
     *
     * @throws IllegalArgumentException if the arrays do not describe rules: lengths, empty or unsorted antecedents, a
     *                                  consequent inside its antecedent, confidence outside (0, 1], non-positive lift
     */
    public static BoughtTogether restore(int[] antecedentStarts, int[] antecedentItems, int[] consequents,
            double[] confidences, double[] lifts) {
        int count = consequents.length;
        if (antecedentStarts.length != count + 1 || confidences.length != count || lifts.length != count
                || antecedentStarts[0] != 0 || antecedentStarts[count] != antecedentItems.length) {
            throw new IllegalArgumentException("rule arrays do not fit together");
        }
        for (int r = 0; r < count; r++) {
            int from = antecedentStarts[r];
            int to = antecedentStarts[r + 1];
            if (to <= from) {
                throw new IllegalArgumentException("rule " + r + ": empty antecedent");
            }
            for (int k = from; k < to; k++) {
                if (antecedentItems[k] < 0 || (k > from && antecedentItems[k] <= antecedentItems[k - 1])) {
                    throw new IllegalArgumentException("rule " + r + ": antecedent items must be increasing, >= 0");
                }
                if (antecedentItems[k] == consequents[r]) {
                    throw new IllegalArgumentException("rule " + r + ": consequent is in the antecedent");
                }
            }
            if (consequents[r] < 0 || !(confidences[r] > 0 && confidences[r] <= 1) || !(lifts[r] > 0)
                    || Double.isInfinite(lifts[r])) {
                throw new IllegalArgumentException("rule " + r + ": bad consequent, confidence or lift");
            }
        }
        Integer[] order = new Integer[count];
        for (int r = 0; r < count; r++) {
            order[r] = r;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(r -> confidences[r] * lifts[r]).reversed()
                .thenComparingInt(r -> consequents[r])
                .thenComparing((a, b) -> Arrays.compare(antecedentItems, antecedentStarts[a], antecedentStarts[a + 1],
                        antecedentItems, antecedentStarts[b], antecedentStarts[b + 1])));
        int[] ownStarts = new int[count + 1];
        int[] ownItems = new int[antecedentItems.length];
        int[] ownConsequents = new int[count];
        double[] ownConfidences = new double[count];
        double[] ownLifts = new double[count];
        int written = 0;
        for (int k = 0; k < count; k++) {
            int r = order[k];
            ownStarts[k] = written;
            for (int at = antecedentStarts[r]; at < antecedentStarts[r + 1]; at++) {
                ownItems[written++] = antecedentItems[at];
            }
            ownConsequents[k] = consequents[r];
            ownConfidences[k] = confidences[r];
            ownLifts[k] = lifts[r];
        }
        ownStarts[count] = written;
        return new BoughtTogether(ownStarts, ownItems, ownConsequents, ownConfidences, ownLifts);
    }

    @Override
    public String name() {
        return NAME;
    }

    public int ruleCount() {
        return consequents.length;
    }

    public int[] antecedentStarts() {
        return antecedentStarts.clone();
    }

    public int[] antecedentItems() {
        return antecedentItems.clone();
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

    /**
     * Up to {@code n} items bought together with {@code item} alone (rules {item} → X), strongest first, each explained
     * by {@code item}: {@code GET /items/{id}/bought-together}.
     */
    public List<ScoredItem> boughtWith(int item, int n) {
        int[] rules = rulesByFirstItem.getOrDefault(item, new int[0]);
        List<ScoredItem> result = new ArrayList<>();
        for (int k = 0; k < rules.length && result.size() < n; k++) {
            int r = rules[k];
            if (antecedentStarts[r + 1] - antecedentStarts[r] == 1) {
                result.add(new ScoredItem(consequents[r], confidences[r] * lifts[r], item));
            }
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
            for (int r : rulesByFirstItem.getOrDefault(items[h], new int[0])) {
                int because = firedBy(r, history);
                if (because == ScoredItem.NO_ANCHOR || weightOf(history, consequents[r]) < 0) {
                    continue;
                }
                double score = confidences[r] * lifts[r];
                ScoredItem current = best.get(consequents[r]);
                // rules are tried in a fixed order, so equal scores always keep the same explanation
                if (current == null || score > current.score()) {
                    best.put(consequents[r], new ScoredItem(consequents[r], score, because));
                }
            }
        }
        List<ScoredItem> scored = new ArrayList<>(best.values());
        scored.sort(BEST_FIRST);
        return List.copyOf(scored.subList(0, Math.min(n, scored.size())));
    }

    /**
     * The antecedent item the customer weighted most (lowest index on ties) if every antecedent item is in the history
     * with a positive weight, else {@link ScoredItem#NO_ANCHOR}.
     */
    private int firedBy(int rule, UserHistory history) {
        int because = ScoredItem.NO_ANCHOR;
        float strongest = 0;
        for (int k = antecedentStarts[rule]; k < antecedentStarts[rule + 1]; k++) {
            float weight = weightOf(history, antecedentItems[k]);
            if (weight <= 0) {
                return ScoredItem.NO_ANCHOR;
            }
            if (weight > strongest) {
                strongest = weight;
                because = antecedentItems[k];
            }
        }
        return because;
    }

    /** The history's weight of an item, 0 if absent. */
    private static float weightOf(UserHistory history, int item) {
        int at = Arrays.binarySearch(history.items(), item);
        return at >= 0 ? history.weights()[at] : 0;
    }
}

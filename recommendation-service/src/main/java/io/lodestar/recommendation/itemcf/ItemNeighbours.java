package io.lodestar.recommendation.itemcf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.recommendation.model.Recommender;
import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

/**
 * A trained item-based CF model: for every item, its most similar items, best first.
 *
 * <p>A history is scored as {@code score(j) = Σ_i w_i · sim(i, j)} over the history items i: positive weights add
 * their similarity, negative ones (refunds, "not interested") subtract it, so items like something the customer
 * rejected are pushed down. Each candidate is explained by the history item whose contribution was largest.
 *
 * <p>Stored as plain numbers: per item an {@code int[]} of neighbour indices and a {@code float[]} of similarities
 * ({@link #neighboursOf}, {@link #similaritiesOf}), reloaded with {@link #restore}. Immutable and thread-safe.
 */
public final class ItemNeighbours implements Recommender {

    /** The model name reported with every recommendation. */
    public static final String NAME = "item-cf";

    private static final Comparator<ScoredItem> BEST_FIRST = Comparator.comparingDouble(ScoredItem::score)
            .reversed().thenComparingInt(ScoredItem::item);

    private final int[][] neighbours;
    private final float[][] similarities;

    private ItemNeighbours(int[][] neighbours, float[][] similarities) {
        this.neighbours = neighbours;
        this.similarities = similarities;
    }

    /** For the trainer, whose arrays are fresh, valid and never touched again. */
    static ItemNeighbours trusted(int[][] neighbours, float[][] similarities) {
        return new ItemNeighbours(neighbours, similarities);
    }

    /**
     * Reloads a stored model.
     *
     * @param neighbours   per item, its neighbours' indices, best first
     * @param similarities per item, the similarity of each neighbour (same length), non-increasing and positive
     * @throws IllegalArgumentException if the arrays do not describe a model (sizes, indices, self-neighbours, order)
     */
    public static ItemNeighbours restore(int[][] neighbours, float[][] similarities) {
        if (neighbours.length != similarities.length) {
            throw new IllegalArgumentException("neighbours and similarities differ in item count");
        }
        int itemCount = neighbours.length;
        int[][] ownNeighbours = new int[itemCount][];
        float[][] ownSimilarities = new float[itemCount][];
        for (int item = 0; item < itemCount; item++) {
            int[] ids = neighbours[item].clone();
            float[] values = similarities[item].clone();
            if (ids.length != values.length) {
                throw new IllegalArgumentException("item " + item + ": neighbours and similarities differ in length");
            }
            for (int k = 0; k < ids.length; k++) {
                if (ids[k] < 0 || ids[k] >= itemCount || ids[k] == item) {
                    throw new IllegalArgumentException("item " + item + ": bad neighbour " + ids[k]);
                }
                if (!(values[k] > 0) || Float.isInfinite(values[k])) {
                    throw new IllegalArgumentException("item " + item + ": similarity must be positive and finite");
                }
                if (k > 0 && values[k] > values[k - 1]) {
                    throw new IllegalArgumentException("item " + item + ": neighbours are not best first");
                }
            }
            ownNeighbours[item] = ids;
            ownSimilarities[item] = values;
        }
        return new ItemNeighbours(ownNeighbours, ownSimilarities);
    }

    @Override
    public String name() {
        return NAME;
    }

    public int itemCount() {
        return neighbours.length;
    }

    /** The neighbours of an item, best first (a copy, for storing). */
    public int[] neighboursOf(int item) {
        return neighbours[item].clone();
    }

    /** The similarities of {@link #neighboursOf(int)}, same order (a copy, for storing). */
    public float[] similaritiesOf(int item) {
        return similarities[item].clone();
    }

    /**
     * Up to {@code n} items most similar to {@code item}, best first, each explained by {@code item} itself ("similar
     * to"). Empty for an item the model has never seen (an index beyond its dictionary).
     */
    public List<ScoredItem> similar(int item, int n) {
        if (item < 0 || item >= neighbours.length || n <= 0) {
            return List.of();
        }
        int count = Math.min(n, neighbours[item].length);
        List<ScoredItem> result = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            result.add(new ScoredItem(neighbours[item][k], similarities[item][k], item));
        }
        return List.copyOf(result);
    }

    /**
     * History items unknown to the model (indices beyond its dictionary: items added since it was trained) contribute
     * nothing.
     */
    @Override
    public List<ScoredItem> recommend(UserHistory history, int n) {
        if (n <= 0 || history.isEmpty()) {
            return List.of();
        }
        Map<Integer, Candidate> candidates = new HashMap<>();
        int[] items = history.items();
        float[] weights = history.weights();
        // Increasing history order plus a strict ">" below: on equal contributions the lowest item explains.
        for (int h = 0; h < items.length; h++) {
            int historyItem = items[h];
            if (historyItem < 0 || historyItem >= neighbours.length || weights[h] == 0) {
                continue;
            }
            int[] ids = neighbours[historyItem];
            float[] values = similarities[historyItem];
            for (int k = 0; k < ids.length; k++) {
                double contribution = (double) weights[h] * values[k];
                Candidate candidate = candidates.computeIfAbsent(ids[k], id -> new Candidate());
                candidate.score += contribution;
                if (contribution > candidate.strongestContribution) {
                    candidate.strongestContribution = contribution;
                    candidate.because = historyItem;
                }
            }
        }
        List<ScoredItem> scored = new ArrayList<>();
        for (Map.Entry<Integer, Candidate> entry : candidates.entrySet()) {
            Candidate candidate = entry.getValue();
            if (candidate.score > 0) {
                scored.add(new ScoredItem(entry.getKey(), candidate.score, candidate.because));
            }
        }
        scored.sort(BEST_FIRST);
        return List.copyOf(scored.subList(0, Math.min(n, scored.size())));
    }

    /** Running sums for one candidate during one {@link #recommend} call. */
    private static final class Candidate {
        double score;
        double strongestContribution;
        int because = ScoredItem.NO_ANCHOR;
    }
}

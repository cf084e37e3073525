package io.lodestar.recommendation.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.model.Recommender;
import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;

/**
 * The floor every model must beat: n distinct items drawn uniformly from the catalogue.
 *
 * <p>Deterministic and thread-safe without shared state: each call draws from a generator seeded with the model seed and
 * the history's items, so the same customer gets the same list on any thread and in any order, which keeps a parallel
 * evaluation reproducible. Scores are n, n−1, …, 1 (positive, best first).
 */
public final class RandomRecommender implements Recommender {

    /** The model name in evaluation tables. */
    public static final String NAME = "random";

    private final int itemCount;
    private final long seed;

    public RandomRecommender(int itemCount, long seed) {
        if (itemCount < 0) {
            throw new IllegalArgumentException("itemCount must not be negative");
        }
        this.itemCount = itemCount;
        this.seed = seed;
    }

    /** A random recommender over the matrix's items. */
    public static RandomRecommender over(InteractionMatrix matrix, long seed) {
        return new RandomRecommender(matrix.itemCount(), seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ScoredItem> recommend(UserHistory history, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        int count = Math.min(n, itemCount);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + Arrays.hashCode(history.items()));
        int[] drawn = count * 4 < itemCount ? drawSparse(random, count) : drawByShuffle(random, count);
        List<ScoredItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(new ScoredItem(drawn[i], count - i, ScoredItem.NO_ANCHOR));
        }
        return List.copyOf(items);
    }

    /** Few items from a large catalogue: redraw on a repeat instead of touching the whole catalogue. */
    private int[] drawSparse(SplittableRandom random, int count) {
        int[] drawn = new int[count];
        BitSet taken = new BitSet(itemCount);
        for (int i = 0; i < count; i++) {
            int item;
            do {
                item = random.nextInt(itemCount);
            } while (taken.get(item));
            taken.set(item);
            drawn[i] = item;
        }
        return drawn;
    }

    /** A partial Fisher–Yates shuffle: the first {@code count} slots of a shuffled catalogue. */
    private int[] drawByShuffle(SplittableRandom random, int count) {
        int[] items = new int[itemCount];
        Arrays.setAll(items, item -> item);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(itemCount - i);
            int swap = items[i];
            items[i] = items[j];
            items[j] = swap;
        }
        return Arrays.copyOf(items, count);
    }
}

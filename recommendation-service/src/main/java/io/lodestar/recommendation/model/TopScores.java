package io.lodestar.recommendation.model;

import java.util.List;
/**
 * The best {@code n} of a stream of (item, score) pairs, kept in a bounded min-heap so that scoring a whole catalogue
 * costs O(items · log n) and no full sort. Ties go to the lower item index, so results are stable across runs.
 * Non-positive scores are dropped, as {@link Recommender} asks. Used by every model that keeps a top n (ALS scoring,
 * item-CF neighbour lists); not thread-safe: one per thread or request.
 */
public final class TopScores {

    private final int capacity;
    private final int[] items;
    private final double[] scores;
    private int size;

    public TopScores(int capacity) {
        this.capacity = capacity;
        this.items = new int[capacity];
        this.scores = new double[capacity];
    }

    public void offer(int item, double score) {
        if (!(score > 0) || capacity == 0) {
            return;
        }
        if (size < capacity) {
            items[size] = item;
            scores[size] = score;
            siftUp(size++);
        } else if (worse(items[0], scores[0], item, score)) {
            items[0] = item;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** Empties the heap into an immutable list, best first; {@code because} is the given anchor for every one. */
    public List<ScoredItem> drainBestFirst(int because) {
        ScoredItem[] out = new ScoredItem[size];
        // Pop the worst each time into the back of the result.
        for (int k = out.length - 1; k >= 0; k--) {
            out[k] = new ScoredItem(items[0], scores[0], because);
            size--;
            items[0] = items[size];
            scores[0] = scores[size];
            siftDown(0);
        }
        return List.of(out);
    }

    /** Whether (itemA, scoreA) ranks below (itemB, scoreB). */
    private static boolean worse(int itemA, double scoreA, int itemB, double scoreB) {
        return scoreA < scoreB || (scoreA == scoreB && itemA > itemB);
    }

    private void siftUp(int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!worse(items[at], scores[at], items[parent], scores[parent])) {
                return;
            }
            swap(at, parent);
            at = parent;
        }
    }

    private void siftDown(int at) {
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int child = left;
            int right = left + 1;
            if (right < size && worse(items[right], scores[right], items[left], scores[left])) {
                child = right;
            }
            if (!worse(items[child], scores[child], items[at], scores[at])) {
                return;
            }
            swap(at, child);
            at = child;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
        double score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}

package io.lodestar.recommendation.evaluation;

import java.util.Arrays;
import java.util.List;

import io.lodestar.recommendation.model.InteractionMatrix;

/**
 * Which items are the "long tail" of a training matrix, and the beyond-accuracy metrics built on it.
 *
 * <p>The head is the smallest set of most-interacted items that together hold at least {@code headShare} (default 80 %,
 * the Pareto cut) of the training interactions; every other item, including items with no interaction, is long tail.
 * An interaction is a cell with a positive weight (one per customer and item, as popularity counts them); refunds are not
 * demand. Ties in interaction count are broken by the lower index, so the cut is deterministic.
 */
public final class LongTail {

    /** The Pareto cut: the head holds 80 % of the interactions. */
    public static final double DEFAULT_HEAD_SHARE = 0.8;

    private final boolean[] tail;

    private LongTail(boolean[] tail) {
        this.tail = tail;
    }

    /** The long tail of {@code training} with the 80 % head. */
    public static LongTail of(InteractionMatrix training) {
        return of(training, DEFAULT_HEAD_SHARE);
    }

    /** The long tail of {@code training} with a head holding {@code headShare} (in (0, 1]) of the interactions. */
    public static LongTail of(InteractionMatrix training, double headShare) {
        long[] interactions = new long[training.itemCount()];
        float[] weights = training.weights();
        int[] columns = training.columns();
        for (int cell = 0; cell < columns.length; cell++) {
            if (weights[cell] > 0f) {
                interactions[columns[cell]]++;
            }
        }
        return ofCounts(interactions, headShare);
    }

    /**
     * The long tail given each item's number of positive interactions (customers with a positive weight), e.g. a
     * stored global popularity ranking: serving computes the same cut as evaluation without the training matrix.
     */
    public static LongTail ofCounts(long[] interactions, double headShare) {
        if (!(headShare > 0 && headShare <= 1)) {
            throw new IllegalArgumentException("headShare must be in (0, 1]");
        }
        long total = 0;
        for (long count : interactions) {
            total += count;
        }
        Integer[] byCount = new Integer[interactions.length];
        Arrays.setAll(byCount, item -> item);
        Arrays.sort(byCount, (a, b) -> interactions[a] != interactions[b]
                ? Long.compare(interactions[b], interactions[a]) : Integer.compare(a, b));
        boolean[] tail = new boolean[interactions.length];
        Arrays.fill(tail, true);
        double needed = headShare * total;
        long covered = 0;
        for (int i = 0; i < byCount.length && covered < needed; i++) {
            tail[byCount[i]] = false;
            covered += interactions[byCount[i]];
        }
        return new LongTail(tail);
    }

    public boolean isLongTail(int item) {
        return tail[item];
    }

    /** Number of long-tail items in the catalogue. */
    public int tailSize() {
        int size = 0;
        for (boolean isTail : tail) {
            size += isTail ? 1 : 0;
        }
        return size;
    }

    /**
     * Share of the filled recommendation slots (the first k of every list) that go to long-tail items; 0 when no slot is
     * filled. A list shorter than k contributes only its slots.
     */
    public double share(List<int[]> rankedLists, int k) {
        long slots = 0;
        long tailSlots = 0;
        for (int[] ranked : rankedLists) {
            for (int i = 0; i < Math.min(k, ranked.length); i++) {
                slots++;
                tailSlots += tail[ranked[i]] ? 1 : 0;
            }
        }
        return slots == 0 ? 0.0 : (double) tailSlots / slots;
    }
}

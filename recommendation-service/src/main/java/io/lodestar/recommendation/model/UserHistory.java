package io.lodestar.recommendation.model;

import java.util.Arrays;

/**
 * What a model knows about one customer when it scores: the items (column indices of the model's
 * {@link InteractionMatrix}) the customer interacted with and the confidence weight of each. Serving builds it at request
 * time from the latest interactions, so a model trained yesterday still sees this morning's cart.
 *
 * @param items   distinct item indices, in increasing order
 * @param weights the weight of each item, same order (may be negative: refunded or hidden)
 */
public record UserHistory(int[] items, float[] weights) {

    public static final UserHistory EMPTY = new UserHistory(new int[0], new float[0]);

    public UserHistory {
        if (items.length != weights.length) {
            throw new IllegalArgumentException("items and weights differ in length");
        }
        for (int i = 1; i < items.length; i++) {
            if (items[i] <= items[i - 1]) {
                throw new IllegalArgumentException("items must be distinct and increasing");
            }
        }
    }

    /** The history of row {@code row} of a matrix (a training customer). */
    public static UserHistory ofRow(InteractionMatrix matrix, int row) {
        int from = matrix.rowStart(row);
        int to = matrix.rowStart(row + 1);
        return new UserHistory(Arrays.copyOfRange(matrix.columns(), from, to),
                Arrays.copyOfRange(matrix.weights(), from, to));
    }

    public boolean isEmpty() {
        return items.length == 0;
    }

    public int size() {
        return items.length;
    }
}

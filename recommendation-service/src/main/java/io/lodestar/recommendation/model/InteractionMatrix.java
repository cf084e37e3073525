package io.lodestar.recommendation.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The training input every model shares: a sparse customer × item matrix of implicit confidence weights (positive =
 * interest, negative = a refund or "not interested"), in compressed sparse row form, plus the dictionaries that turn
 * dense row/column indices back into customer and item ids.
 *
 * <p>Rows are customers, columns items; each row's column indices are strictly increasing (one cell per pair, weights of
 * repeated interactions already summed by {@link Builder}). The arrays are never exposed for writing: accessors hand out
 * the internal arrays for speed, and callers must treat them as read-only.
 */
public final class InteractionMatrix {

    private final List<String> customerIds;
    private final List<String> itemIds;
    private final int[] rowStart;
    private final int[] columns;
    private final float[] weights;

    private InteractionMatrix(List<String> customerIds, List<String> itemIds, int[] rowStart, int[] columns,
            float[] weights) {
        this.customerIds = customerIds;
        this.itemIds = itemIds;
        this.rowStart = rowStart;
        this.columns = columns;
        this.weights = weights;
    }

    /** A builder for a matrix over these customers (rows, in this order) and items (columns, in this order). */
    public static Builder builder(List<String> customerIds, List<String> itemIds) {
        return new Builder(List.copyOf(customerIds), List.copyOf(itemIds));
    }

    public int customerCount() {
        return customerIds.size();
    }

    public int itemCount() {
        return itemIds.size();
    }

    /** Number of non-zero cells. */
    public int size() {
        return columns.length;
    }

    public String customerId(int row) {
        return customerIds.get(row);
    }

    public String itemId(int column) {
        return itemIds.get(column);
    }

    public List<String> customerIds() {
        return customerIds;
    }

    public List<String> itemIds() {
        return itemIds;
    }

    /** Index of row {@code row}'s first cell in {@link #columns()} / {@link #weights()}; {@code rowStart(customerCount())} is {@link #size()}. */
    public int rowStart(int row) {
        return rowStart[row];
    }

    /** Column index of every cell, row by row (read-only). */
    public int[] columns() {
        return columns;
    }

    /** Weight of every cell, row by row (read-only). */
    public float[] weights() {
        return weights;
    }

    /** The same cells with rows and columns swapped: items × customers. */
    public InteractionMatrix transpose() {
        int[] counts = new int[itemIds.size() + 1];
        for (int column : columns) {
            counts[column + 1]++;
        }
        for (int i = 0; i < itemIds.size(); i++) {
            counts[i + 1] += counts[i];
        }
        int[] next = Arrays.copyOf(counts, itemIds.size());
        int[] tColumns = new int[columns.length];
        float[] tWeights = new float[columns.length];
        for (int row = 0; row < customerIds.size(); row++) {
            for (int cell = rowStart[row]; cell < rowStart[row + 1]; cell++) {
                int at = next[columns[cell]]++;
                tColumns[at] = row;
                tWeights[at] = weights[cell];
            }
        }
        return new InteractionMatrix(itemIds, customerIds, counts, tColumns, tWeights);
    }

    /** Collects (row, column, weight) triples in any order; repeated pairs are summed. */
    public static final class Builder {

        private final List<String> customerIds;
        private final List<String> itemIds;
        private int[] rows = new int[64];
        private int[] cols = new int[64];
        private float[] values = new float[64];
        private int count;

        private Builder(List<String> customerIds, List<String> itemIds) {
            this.customerIds = customerIds;
            this.itemIds = itemIds;
        }

        public Builder add(int row, int column, float weight) {
            Objects.checkIndex(row, customerIds.size());
            Objects.checkIndex(column, itemIds.size());
            if (count == rows.length) {
                int grown = rows.length * 2;
                rows = Arrays.copyOf(rows, grown);
                cols = Arrays.copyOf(cols, grown);
                values = Arrays.copyOf(values, grown);
            }
            rows[count] = row;
            cols[count] = column;
            values[count] = weight;
            count++;
            return this;
        }

        public InteractionMatrix build() {
            // Counting sort by row, then sort each row's cells by column and sum duplicates.
            int n = customerIds.size();
            int[] start = new int[n + 1];
            for (int i = 0; i < count; i++) {
                start[rows[i] + 1]++;
            }
            for (int r = 0; r < n; r++) {
                start[r + 1] += start[r];
            }
            int[] next = Arrays.copyOf(start, n);
            long[] packed = new long[count];
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                order[next[rows[i]]++] = i;
            }
            int[] outStart = new int[n + 1];
            int[] outCols = new int[count];
            float[] outWeights = new float[count];
            int written = 0;
            for (int r = 0; r < n; r++) {
                outStart[r] = written;
                int from = start[r];
                int to = start[r + 1];
                for (int k = from; k < to; k++) {
                    // column in the high bits, original position in the low bits: sorting keeps it stable
                    packed[k] = ((long) cols[order[k]] << 32) | order[k];
                }
                Arrays.sort(packed, from, to);
                for (int k = from; k < to; k++) {
                    int column = (int) (packed[k] >>> 32);
                    float weight = values[(int) packed[k]];
                    if (written > outStart[r] && outCols[written - 1] == column) {
                        outWeights[written - 1] += weight;
                    } else {
                        outCols[written] = column;
                        outWeights[written] = weight;
                        written++;
                    }
                }
            }
            outStart[n] = written;
            return new InteractionMatrix(customerIds, itemIds, outStart, Arrays.copyOf(outCols, written),
                    Arrays.copyOf(outWeights, written));
        }
    }
}

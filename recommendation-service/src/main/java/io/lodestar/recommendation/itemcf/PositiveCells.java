package io.lodestar.recommendation.itemcf;

import io.lodestar.recommendation.model.InteractionMatrix;

/**
 * The positive cells of an {@link InteractionMatrix} in the same compressed-row form. Similarity only looks at
 * positive weights (see {@link ItemSimilarity}), so the co-occurrence walk drops the others once, up front, instead of
 * testing every cell it visits again and again.
 */
final class PositiveCells {

    private final int[] rowStart;
    private final int[] columns;
    private final float[] weights;

    private PositiveCells(int[] rowStart, int[] columns, float[] weights) {
        this.rowStart = rowStart;
        this.columns = columns;
        this.weights = weights;
    }

    static PositiveCells of(InteractionMatrix matrix) {
        int rows = matrix.customerCount();
        int[] sourceColumns = matrix.columns();
        float[] sourceWeights = matrix.weights();
        int kept = 0;
        for (float weight : sourceWeights) {
            if (weight > 0) {
                kept++;
            }
        }
        int[] rowStart = new int[rows + 1];
        int[] columns = new int[kept];
        float[] weights = new float[kept];
        int written = 0;
        for (int row = 0; row < rows; row++) {
            rowStart[row] = written;
            for (int cell = matrix.rowStart(row); cell < matrix.rowStart(row + 1); cell++) {
                if (sourceWeights[cell] > 0) {
                    columns[written] = sourceColumns[cell];
                    weights[written] = sourceWeights[cell];
                    written++;
                }
            }
        }
        rowStart[rows] = written;
        return new PositiveCells(rowStart, columns, weights);
    }

    int rows() {
        return rowStart.length - 1;
    }

    int start(int row) {
        return rowStart[row];
    }

    int end(int row) {
        return rowStart[row + 1];
    }

    int column(int cell) {
        return columns[cell];
    }

    float weight(int cell) {
        return weights[cell];
    }
}

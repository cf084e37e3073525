package io.lodestar.recommendation.als;

/**
 * The one computation of implicit ALS: the factor of one row (a customer, or an item in the transposed half-step)
 * given the other side's factors held fixed. For a row with cells (i, w_i) it minimises
 * <pre>  Σ_all j c_j (p_j − x·y_j)² + λ|x|²,  p_j = [w_j &gt; 0],  c_j = 1 + alpha·|w_j|  (missing: p 0, c 1)</pre>
 * whose normal equations are {@code (YᵀY + λI + Σ_i (c_i − 1) y_i y_iᵀ) x = Σ_{i: w_i>0} c_i y_i}. The Gram term
 * {@code YᵀY + λI} is shared by every row of a half-step and is passed in precomputed, so a row costs only its own
 * cells (Hu, Koren and Volinsky 2008, section 4).
 *
 * <p>Two ways to solve: {@link #solveByConjugateGradient} (a few steps warm-started from the current factor, as in the
 * {@code implicit} library; O(f·n·steps + f²·steps)), and {@link #solveExactly} (Cholesky; O(f²·n + f³)), which fold-in
 * uses because a request has no previous factor to start from.
 *
 * <p>Factors are stored as {@code float} (row-major, {@code rank} per row) and all arithmetic is in {@code double}. An
 * instance holds scratch buffers, so it is not thread-safe: each worker thread uses its own.
 */
final class RowFactorSolver {

    /** Squared residual norm below which CG stops early: the row is solved to float precision. */
    private static final double CONVERGED = 1e-20;

    private final int rank;
    private final double alpha;
    private final double[] x;
    private final double[] residual;
    private final double[] direction;
    private final double[] product;
    private final double[] system;

    RowFactorSolver(int rank, double alpha) {
        this.rank = rank;
        this.alpha = alpha;
        this.x = new double[rank];
        this.residual = new double[rank];
        this.direction = new double[rank];
        this.product = new double[rank];
        this.system = new double[rank * rank];
    }

    /**
     * {@code FᵀF + λI} of the first {@code rows} rows of {@code factors}, as a full symmetric row-major
     * {@code rank × rank} matrix. Summed row by row in index order, so the result is the same on every run.
     */
    static double[] regularizedGram(float[] factors, int rows, int rank, double regularization) {
        double[] gram = new double[rank * rank];
        for (int row = 0; row < rows; row++) {
            int offset = row * rank;
            for (int a = 0; a < rank; a++) {
                double fa = factors[offset + a];
                int at = a * rank;
                for (int b = 0; b <= a; b++) {
                    gram[at + b] += fa * factors[offset + b];
                }
            }
        }
        for (int a = 0; a < rank; a++) {
            gram[a * rank + a] += regularization;
            for (int b = 0; b < a; b++) {
                gram[b * rank + a] = gram[a * rank + b];
            }
        }
        return gram;
    }

    /**
     * Improves the factor at {@code target[targetOffset …]} in place by up to {@code steps} conjugate-gradient steps on
     * the row's normal equations, starting from its current value. Each step cannot increase the row's objective.
     */
    void solveByConjugateGradient(float[] fixed, double[] gram, int[] items, float[] weights, int from, int to,
            float[] target, int targetOffset, int steps) {
        for (int k = 0; k < rank; k++) {
            x[k] = target[targetOffset + k];
        }
        // residual = b − A·x, accumulated cell by cell: (p·c − (c − 1)·y·x)·y, minus the shared Gram part.
        multiply(gram, x, residual);
        for (int k = 0; k < rank; k++) {
            residual[k] = -residual[k];
        }
        for (int cell = from; cell < to; cell++) {
            int offset = items[cell] * rank;
            float weight = weights[cell];
            double extra = alpha * Math.abs(weight);
            double preference = weight > 0 ? 1.0 + extra : 0.0;
            axpy(preference - extra * dot(fixed, offset, x), fixed, offset, residual);
        }
        double residualNorm = dot(residual, residual);
        if (residualNorm < CONVERGED) {
            return;
        }
        System.arraycopy(residual, 0, direction, 0, rank);
        for (int step = 0; step < steps; step++) {
            multiply(gram, direction, product);
            for (int cell = from; cell < to; cell++) {
                int offset = items[cell] * rank;
                double extra = alpha * Math.abs(weights[cell]);
                if (extra != 0) {
                    axpy(extra * dot(fixed, offset, direction), fixed, offset, product);
                }
            }
            double stepLength = residualNorm / dot(direction, product);
            for (int k = 0; k < rank; k++) {
                x[k] += stepLength * direction[k];
                residual[k] -= stepLength * product[k];
            }
            double nextNorm = dot(residual, residual);
            if (nextNorm < CONVERGED) {
                break;
            }
            double keep = nextNorm / residualNorm;
            for (int k = 0; k < rank; k++) {
                direction[k] = residual[k] + keep * direction[k];
            }
            residualNorm = nextNorm;
        }
        for (int k = 0; k < rank; k++) {
            target[targetOffset + k] = (float) x[k];
        }
    }

    /** Writes the exact minimiser of the row's objective to {@code target[targetOffset …]} (Cholesky). */
    void solveExactly(float[] fixed, double[] gram, int[] items, float[] weights, int from, int to, float[] target,
            int targetOffset) {
        System.arraycopy(gram, 0, system, 0, rank * rank);
        java.util.Arrays.fill(x, 0.0);
        for (int cell = from; cell < to; cell++) {
            int offset = items[cell] * rank;
            float weight = weights[cell];
            double extra = alpha * Math.abs(weight);
            if (weight > 0) {
                axpy(1.0 + extra, fixed, offset, x);
            }
            if (extra == 0) {
                continue;
            }
            // Only the lower triangle: the factorisation below reads nothing else.
            for (int a = 0; a < rank; a++) {
                double ya = extra * fixed[offset + a];
                int at = a * rank;
                for (int b = 0; b <= a; b++) {
                    system[at + b] += ya * fixed[offset + b];
                }
            }
        }
        choleskySolveInPlace(system, x);
        for (int k = 0; k < rank; k++) {
            target[targetOffset + k] = (float) x[k];
        }
    }

    /**
     * This row's share of the full objective, with the shared Gram term covering the missing cells:
     * {@code xᵀ(YᵀY + λI)x + Σ_i [c_i (p_i − s_i)² − s_i²]} where {@code s_i = x·y_i}. Adding it over all rows, plus
     * λ·|Y|², gives the loss over every cell of the matrix without visiting the missing ones.
     */
    double rowLoss(float[] fixed, double[] gram, int[] items, float[] weights, int from, int to, float[] factors,
            int offset) {
        for (int k = 0; k < rank; k++) {
            x[k] = factors[offset + k];
        }
        multiply(gram, x, product);
        double loss = dot(x, product);
        for (int cell = from; cell < to; cell++) {
            float weight = weights[cell];
            double score = dot(fixed, items[cell] * rank, x);
            double confidence = 1.0 + alpha * Math.abs(weight);
            double error = (weight > 0 ? 1.0 : 0.0) - score;
            loss += confidence * error * error - score * score;
        }
        return loss;
    }

    /** {@code out = m·v} for a full row-major {@code rank × rank} matrix. */
    private void multiply(double[] m, double[] v, double[] out) {
        for (int a = 0; a < rank; a++) {
            int at = a * rank;
            double s0 = 0;
            double s1 = 0;
            int b = 0;
            for (; b + 1 < rank; b += 2) {
                s0 += m[at + b] * v[b];
                s1 += m[at + b + 1] * v[b + 1];
            }
            if (b < rank) {
                s0 += m[at + b] * v[b];
            }
            out[a] = s0 + s1;
        }
    }

    /** Dot product of one stored factor row with a work vector; four partial sums keep the adder pipeline busy. */
    private double dot(float[] factors, int offset, double[] v) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < rank; k += 4) {
            s0 += factors[offset + k] * v[k];
            s1 += factors[offset + k + 1] * v[k + 1];
            s2 += factors[offset + k + 2] * v[k + 2];
            s3 += factors[offset + k + 3] * v[k + 3];
        }
        for (; k < rank; k++) {
            s0 += factors[offset + k] * v[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < rank; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /** {@code out += scale · factors[offset …]}. */
    private void axpy(double scale, float[] factors, int offset, double[] out) {
        for (int k = 0; k < rank; k++) {
            out[k] += scale * factors[offset + k];
        }
    }

    /**
     * Solves {@code A·x = b} for a symmetric positive definite {@code A} given by its lower triangle; {@code a} is
     * overwritten by its Cholesky factor and {@code b} by the solution. λ &gt; 0 keeps {@code A} positive definite.
     */
    private void choleskySolveInPlace(double[] a, double[] b) {
        int n = rank;
        for (int j = 0; j < n; j++) {
            int rowJ = j * n;
            double diagonal = a[rowJ + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[rowJ + k] * a[rowJ + k];
            }
            double pivot = Math.sqrt(diagonal);
            a[rowJ + j] = pivot;
            for (int i = j + 1; i < n; i++) {
                int rowI = i * n;
                double s = a[rowI + j];
                for (int k = 0; k < j; k++) {
                    s -= a[rowI + k] * a[rowJ + k];
                }
                a[rowI + j] = s / pivot;
            }
        }
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[rowI + k] * b[k];
            }
            b[i] = s / a[rowI + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k * n + i] * b[k];
            }
            b[i] = s / a[i * n + i];
        }
    }
}

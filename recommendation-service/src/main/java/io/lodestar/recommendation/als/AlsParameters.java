package io.lodestar.recommendation.als;

/**
 * Settings of one implicit-ALS training run.
 *
 * <p>Defaults ({@link #defaults()}), and why:
 * <ul>
 *   <li>rank 64: the rank the recommendation issue sizes the model for (the {@code implicit} library defaults to 100,
 *       Spark to 10);</li>
 *   <li>15 iterations: {@code implicit}'s default; the loss has flattened well before on retail-sized data;</li>
 *   <li>regularization λ 0.1: Spark's default {@code regParam}. Here λ is <em>not</em> scaled by a row's number of
 *       interactions (Spark's "ALS-WR" does that; {@code implicit} and the paper do not). With alpha 40 a larger λ
 *       (10–20) ranked better on the benchmark's synthetic data (docs/benchmarks.md, issue 5): tune it on real
 *       interactions with the offline evaluation before changing this default;</li>
 *   <li>alpha 40: the value Hu et al. found best. {@code implicit} and Spark default to 1.0 and leave the scaling of
 *       raw counts to the caller; Lodestar's weights are raw counts (1 per purchase), so the paper's value
 *       applies;</li>
 *   <li>cgSteps 3: {@code implicit}'s default; each half-step is warm-started from the previous factors, so three
 *       conjugate-gradient steps per row are enough (Takács, Pilászy and Tikk 2011);</li>
 *   <li>threads 1: the caller sizes its worker pool; the factors do not depend on it;</li>
 *   <li>computeLoss off: the full loss costs one more pass over every customer's cells per iteration, measured at
 *       +10–12 % of the training CPU time (rank 64, 3 CG steps, 800,000 cells; docs/benchmarks.md), not below the
 *       10 % a default may cost. Turn it on to watch convergence.</li>
 * </ul>
 *
 * @param regularization λ, the weight of the squared factor norms
 * @param alpha          confidence slope: a cell of weight w has confidence {@code 1 + alpha·|w|}
 * @param cgSteps        conjugate-gradient steps per row and half-step; {@code 0} solves each row exactly (Cholesky,
 *                       O(f²·n + f³) per row instead of O(f·n·steps): slower at rank 64, useful for checking)
 * @param seed           seed of the random initial factors; the same seed gives the same factors
 * @param threads        worker threads of a run (a fixed pool the trainer creates and shuts down); results do not
 *                       depend on it
 * @param computeLoss    whether to compute the full loss over all cells after each iteration for the progress
 *                       listener; when off the listener receives {@link Double#NaN}
 */
public record AlsParameters(int rank, int iterations, double regularization, double alpha, int cgSteps, long seed,
        int threads, boolean computeLoss) {

    public AlsParameters {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, was " + rank);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        if (!(regularization > 0) || Double.isInfinite(regularization)) {
            throw new IllegalArgumentException("regularization must be positive and finite, was " + regularization);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be positive and finite, was " + alpha);
        }
        if (cgSteps < 0) {
            throw new IllegalArgumentException("cgSteps must be 0 (exact solve) or more, was " + cgSteps);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** Rank 64, 15 iterations, λ 0.1, alpha 40, 3 CG steps, seed 42, one thread, no loss (see the class doc). */
    public static AlsParameters defaults() {
        return new AlsParameters(64, 15, 0.1, 40.0, 3, 42L, 1, false);
    }

    public AlsParameters withRank(int value) {
        return new AlsParameters(value, iterations, regularization, alpha, cgSteps, seed, threads, computeLoss);
    }

    public AlsParameters withIterations(int value) {
        return new AlsParameters(rank, value, regularization, alpha, cgSteps, seed, threads, computeLoss);
    }

    public AlsParameters withRegularization(double value) {
        return new AlsParameters(rank, iterations, value, alpha, cgSteps, seed, threads, computeLoss);
    }

    public AlsParameters withAlpha(double value) {
        return new AlsParameters(rank, iterations, regularization, value, cgSteps, seed, threads, computeLoss);
    }

    public AlsParameters withCgSteps(int value) {
        return new AlsParameters(rank, iterations, regularization, alpha, value, seed, threads, computeLoss);
    }

    public AlsParameters withSeed(long value) {
        return new AlsParameters(rank, iterations, regularization, alpha, cgSteps, value, threads, computeLoss);
    }

    public AlsParameters withThreads(int value) {
        return new AlsParameters(rank, iterations, regularization, alpha, cgSteps, seed, value, computeLoss);
    }

    public AlsParameters withComputeLoss(boolean value) {
        return new AlsParameters(rank, iterations, regularization, alpha, cgSteps, seed, threads, value);
    }
}

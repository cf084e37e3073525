package io.lodestar.recommendation.als;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.lodestar.recommendation.model.InteractionMatrix;

/**
 * Trains an {@link AlsModel} by implicit alternating least squares (Hu, Koren and Volinsky 2008): preference
 * {@code p = [w > 0]}, confidence {@code c = 1 + alpha·|w|} (a refund or "not interested" is a confident 0), loss
 * {@code Σ_all cells c (p − x_u·y_i)² + λ(Σ|x_u|² + Σ|y_i|²)}, each iteration an item half-step then a customer
 * half-step, each row solved by {@link RowFactorSolver}.
 *
 * <p>Each iteration solves the items first and the customers last, so the customer factors kept in the model are
 * solved against the model's final item factors: exactly what {@link AlsModel#foldIn} does for a customer at request
 * time (and, with {@code cgSteps = 0}, the same numbers).
 *
 * <p>Threads: a run creates a fixed pool of {@link AlsParameters#threads()} daemon threads and shuts it down before
 * returning (one thread runs on the caller, no pool). Rows are handed out in fixed chunks and every row's result
 * depends only on the previous half-step, and the loss is summed chunk by chunk in chunk order, so the factors and
 * the loss are the same for any thread count. CPU-bound for seconds to minutes: call it from a job's worker, never
 * from an event-loop thread.
 */
public final class ImplicitAlsTrainer {

    /** Rows per unit of work: small enough to balance two cores, large enough that hand-out costs nothing. */
    private static final int CHUNK_ROWS = 64;

    /** Scale of the random initial factors, as in {@code implicit}: small, so the first solve is driven by the data. */
    private static final double INITIAL_SCALE = 0.01;

    private ImplicitAlsTrainer() {
    }

    /** Trains on {@code matrix} (customers × items); {@code listener} hears after each iteration. */
    public static AlsModel train(InteractionMatrix matrix, AlsParameters parameters, AlsProgress listener) {
        long start = System.nanoTime();
        int rank = parameters.rank();
        int customers = matrix.customerCount();
        int items = matrix.itemCount();
        float[] customerFactors = new float[customers * rank];
        float[] itemFactors = new float[items * rank];
        SplittableRandom random = new SplittableRandom(parameters.seed());
        fillRandom(customerFactors, random);
        fillRandom(itemFactors, random);
        InteractionMatrix itemsByCustomer = matrix.transpose();

        ExecutorService pool = parameters.threads() > 1
                ? Executors.newFixedThreadPool(parameters.threads(), workerThreads())
                : null;
        try {
            HalfStep itemStep = new HalfStep(itemsByCustomer, customerFactors, customers, itemFactors, parameters);
            HalfStep customerStep = new HalfStep(matrix, itemFactors, items, customerFactors, parameters);
            for (int iteration = 1; iteration <= parameters.iterations(); iteration++) {
                if (Thread.currentThread().isInterrupted()) {
                    // A cancelled job: stop between iterations rather than finish minutes of work nobody wants.
                    throw new IllegalStateException("ALS training interrupted before iteration " + iteration);
                }
                itemStep.run(pool, false);
                double loss = customerStep.run(pool, parameters.computeLoss());
                loss = parameters.computeLoss()
                        ? loss + parameters.regularization() * squaredNorm(itemFactors)
                        : Double.NaN;
                listener.iterationDone(iteration, loss, Duration.ofNanos(System.nanoTime() - start));
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return AlsModel.trained(rank, itemFactors, customerFactors, parameters.regularization(), parameters.alpha());
    }

    private static void fillRandom(float[] factors, SplittableRandom random) {
        for (int k = 0; k < factors.length; k++) {
            factors[k] = (float) (random.nextDouble() * INITIAL_SCALE);
        }
    }

    private static double squaredNorm(float[] factors) {
        double sum = 0;
        for (float v : factors) {
            sum += (double) v * v;
        }
        return sum;
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "als-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Solves every row of {@code rows} against the fixed factors of the other side, writing into {@code target}.
     * One instance per direction for the whole run; the Gram matrix is recomputed at the start of each run.
     */
    private static final class HalfStep {

        private final InteractionMatrix rows;
        private final float[] fixed;
        private final int fixedRows;
        private final float[] target;
        private final AlsParameters parameters;
        private final double[] chunkLoss;

        HalfStep(InteractionMatrix rows, float[] fixed, int fixedRows, float[] target, AlsParameters parameters) {
            this.rows = rows;
            this.fixed = fixed;
            this.fixedRows = fixedRows;
            this.target = target;
            this.parameters = parameters;
            this.chunkLoss = new double[(rows.customerCount() + CHUNK_ROWS - 1) / CHUNK_ROWS];
        }

        /** Runs the half-step; returns the summed row losses when {@code withLoss}, else 0. */
        double run(ExecutorService pool, boolean withLoss) {
            double[] gram = RowFactorSolver.regularizedGram(fixed, fixedRows, parameters.rank(),
                    parameters.regularization());
            AtomicInteger nextChunk = new AtomicInteger();
            Runnable worker = () -> {
                RowFactorSolver solver = new RowFactorSolver(parameters.rank(), parameters.alpha());
                for (int chunk = nextChunk.getAndIncrement(); chunk < chunkLoss.length;
                        chunk = nextChunk.getAndIncrement()) {
                    chunkLoss[chunk] = solveChunk(solver, gram, chunk, withLoss);
                }
            };
            if (pool == null) {
                worker.run();
            } else {
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < parameters.threads(); t++) {
                    running.add(pool.submit(worker));
                }
                awaitAll(running);
            }
            double loss = 0;
            for (double part : chunkLoss) {
                loss += part;
            }
            return loss;
        }

        private double solveChunk(RowFactorSolver solver, double[] gram, int chunk, boolean withLoss) {
            int rank = parameters.rank();
            int[] columns = rows.columns();
            float[] weights = rows.weights();
            int last = Math.min(rows.customerCount(), (chunk + 1) * CHUNK_ROWS);
            double loss = 0;
            for (int row = chunk * CHUNK_ROWS; row < last; row++) {
                int from = rows.rowStart(row);
                int to = rows.rowStart(row + 1);
                if (parameters.cgSteps() == 0) {
                    solver.solveExactly(fixed, gram, columns, weights, from, to, target, row * rank);
                } else {
                    solver.solveByConjugateGradient(fixed, gram, columns, weights, from, to, target, row * rank,
                            parameters.cgSteps());
                }
                if (withLoss) {
                    loss += solver.rowLoss(fixed, gram, columns, weights, from, to, target, row * rank);
                }
            }
            return loss;
        }

        private static void awaitAll(List<Future<?>> running) {
            try {
                for (Future<?> future : running) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("ALS training interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("ALS half-step failed", cause);
            }
        }
    }
}

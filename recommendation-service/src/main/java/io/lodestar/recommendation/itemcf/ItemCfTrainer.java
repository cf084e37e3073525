package io.lodestar.recommendation.itemcf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.lodestar.recommendation.itemcf.ItemSimilarity.ItemStatistics;
import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.model.TopScores;
import io.lodestar.recommendation.model.ScoredItem;

/**
 * Trains item-based collaborative filtering: the N most similar items of every item.
 *
 * <p>For item i it walks i's customers and, for each, that customer's items, summing {@code w_ci·w_cj} and counting
 * shared customers per co-occurring item j in one reusable dense accumulator per thread (one slot per item, reset
 * through a list of touched slots). The cost is Σ over customers of (items per customer)², and memory is linear in the
 * catalogue: an items × items matrix would be 40 GB of floats at 100,000 items. A bounded heap then keeps the top N.
 *
 * <p>Items are independent, so they are spread over {@link ItemCfParameters#threads()} threads in chunks; each item's
 * sums run in the same order whatever the thread, and the heap's order is total, so the result is bit-for-bit the same
 * for any number of threads.
 */
public final class ItemCfTrainer {

    /** Items per unit of work: small enough to balance two threads on a skewed catalogue, large enough to be cheap. */
    private static final int ITEMS_PER_CHUNK = 256;

    private ItemCfTrainer() {
    }

    /**
     * @param matrix     customers × items training weights; only positive weights are used for similarity
     * @param parameters similarity, N, minimum support, shrinkage and threads
     * @param progress   told after each chunk of items (from the training threads)
     * @return the model, over the matrix's item dictionary
     */
    public static ItemNeighbours train(InteractionMatrix matrix, ItemCfParameters parameters,
            ItemCfProgress progress) {
        PositiveCells byCustomer = PositiveCells.of(matrix);
        PositiveCells byItem = PositiveCells.of(matrix.transpose());
        int itemCount = matrix.itemCount();
        ItemStatistics[] statistics = statistics(byItem);
        int[][] neighbours = new int[itemCount][];
        float[][] similarities = new float[itemCount][];

        AtomicInteger nextChunk = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            CoOccurrence coOccurrence = new CoOccurrence(itemCount);
            TopScores heap = new TopScores(parameters.neighbours());
            while (!Thread.currentThread().isInterrupted()) {
                int from = nextChunk.getAndAdd(ITEMS_PER_CHUNK);
                if (from >= itemCount) {
                    return;
                }
                int to = Math.min(itemCount, from + ITEMS_PER_CHUNK);
                for (int item = from; item < to; item++) {
                    coOccurrence.collect(item, byItem, byCustomer);
                    coOccurrence.offerNeighbours(item, statistics, parameters, heap);
                    List<ScoredItem> kept = heap.drainBestFirst(ScoredItem.NO_ANCHOR);
                    neighbours[item] = new int[kept.size()];
                    similarities[item] = new float[kept.size()];
                    for (int k = 0; k < kept.size(); k++) {
                        neighbours[item][k] = kept.get(k).item();
                        similarities[item][k] = (float) kept.get(k).score();
                    }
                }
                progress.itemsDone(done.addAndGet(to - from), itemCount);
            }
        };

        int chunks = (itemCount + ITEMS_PER_CHUNK - 1) / ITEMS_PER_CHUNK;
        int threads = Math.max(1, Math.min(parameters.threads(), chunks));
        if (threads == 1) {
            worker.run();
        } else {
            runInParallel(worker, threads);
        }
        return ItemNeighbours.trusted(neighbours, similarities);
    }

    private static ItemStatistics[] statistics(PositiveCells byItem) {
        ItemStatistics[] statistics = new ItemStatistics[byItem.rows()];
        for (int item = 0; item < statistics.length; item++) {
            double squares = 0;
            for (int cell = byItem.start(item); cell < byItem.end(item); cell++) {
                double weight = byItem.weight(cell);
                squares += weight * weight;
            }
            statistics[item] = new ItemStatistics(Math.sqrt(squares), byItem.end(item) - byItem.start(item));
        }
        return statistics;
    }

    /**
     * A fixed pool for this one training: the caller (a job) already runs on a worker thread, and the common ForkJoin
     * pool is shared with the rest of the service, so training must not saturate it.
     */
    private static void runInParallel(Runnable worker, int threads) {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "item-cf-training-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(worker));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException("item-cf training failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("item-cf training was interrupted", e);
        } finally {
            // Stops the other workers (they check the interrupt flag per chunk) when one failed.
            pool.shutdownNow();
        }
    }

    /** One thread's sums for the item being processed, over every item it co-occurs with. */
    private static final class CoOccurrence {

        private final double[] dotProducts;
        private final int[] coCustomers;
        private final int[] touched;
        private int touchedCount;

        CoOccurrence(int itemCount) {
            this.dotProducts = new double[itemCount];
            this.coCustomers = new int[itemCount];
            this.touched = new int[itemCount];
        }

        void collect(int item, PositiveCells byItem, PositiveCells byCustomer) {
            for (int cell = byItem.start(item); cell < byItem.end(item); cell++) {
                int customer = byItem.column(cell);
                double weight = byItem.weight(cell);
                for (int other = byCustomer.start(customer); other < byCustomer.end(customer); other++) {
                    int otherItem = byCustomer.column(other);
                    if (otherItem == item) {
                        continue;
                    }
                    if (coCustomers[otherItem] == 0) {
                        touched[touchedCount++] = otherItem;
                    }
                    coCustomers[otherItem]++;
                    dotProducts[otherItem] += weight * byCustomer.weight(other);
                }
            }
        }

        /** Offers every supported co-occurring item to the heap and resets the sums for the next item. */
        void offerNeighbours(int item, ItemStatistics[] statistics, ItemCfParameters parameters,
                TopScores heap) {
            for (int k = 0; k < touchedCount; k++) {
                int other = touched[k];
                int shared = coCustomers[other];
                if (shared >= parameters.minCoCustomers()) {
                    double similarity = parameters.similarity().of(dotProducts[other], shared, statistics[item],
                            statistics[other]);
                    if (parameters.shrinkage() > 0) {
                        similarity *= shared / (shared + parameters.shrinkage());
                    }
                    float stored = (float) similarity;
                    if (stored > 0) {
                        heap.offer(other, stored);
                    }
                }
                coCustomers[other] = 0;
                dotProducts[other] = 0;
            }
            touchedCount = 0;
        }
    }
}

package io.lodestar.recommendation.itemcf;

/**
 * How {@link ItemCfTrainer} builds the neighbour lists.
 *
 * @param similarity          how two items are compared
 * @param neighbours          how many most similar items each item keeps (N); the model's size is at most items × N
 * @param minCoCustomers      a pair counts only when at least this many customers have a positive weight on both:
 *                            one shared customer makes any two items look alike (cosine 1.0 for two items bought once,
 *                            by the same person), which is noise rather than a pattern
 * @param shrinkage           λ ≥ 0 in {@code sim · n / (n + λ)} with n = co-occurring customers; 0 turns it off. A
 *                            pair seen with 3 customers and a pair seen with 300 can have the same cosine, but only the
 *                            second is trustworthy: shrinking pulls low-evidence similarities towards 0, so well
 *                            supported neighbours rank first (the Koren/Bell shrinkage of neighbourhood models)
 * @param threads             training threads (items are independent, so the result does not depend on this)
 */
public record ItemCfParameters(ItemSimilarity similarity, int neighbours, int minCoCustomers, double shrinkage,
        int threads) {

    public static final int DEFAULT_NEIGHBOURS = 50;
    public static final int DEFAULT_MIN_CO_CUSTOMERS = 2;

    public ItemCfParameters {
        if (similarity == null) {
            throw new IllegalArgumentException("similarity is required");
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, was " + neighbours);
        }
        if (minCoCustomers < 1) {
            throw new IllegalArgumentException("minCoCustomers must be at least 1, was " + minCoCustomers);
        }
        if (!(shrinkage >= 0) || Double.isInfinite(shrinkage)) {
            throw new IllegalArgumentException("shrinkage must be a finite number >= 0, was " + shrinkage);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    /** Cosine, 50 neighbours, at least 2 shared customers, no shrinkage, one thread per available core. */
    public static ItemCfParameters defaults() {
        return new ItemCfParameters(ItemSimilarity.COSINE, DEFAULT_NEIGHBOURS, DEFAULT_MIN_CO_CUSTOMERS, 0,
                Runtime.getRuntime().availableProcessors());
    }

    public ItemCfParameters withSimilarity(ItemSimilarity value) {
        return new ItemCfParameters(value, neighbours, minCoCustomers, shrinkage, threads);
    }

    public ItemCfParameters withNeighbours(int value) {
        return new ItemCfParameters(similarity, value, minCoCustomers, shrinkage, threads);
    }

    public ItemCfParameters withMinCoCustomers(int value) {
        return new ItemCfParameters(similarity, neighbours, value, shrinkage, threads);
    }

    public ItemCfParameters withShrinkage(double value) {
        return new ItemCfParameters(similarity, neighbours, minCoCustomers, value, threads);
    }

    public ItemCfParameters withThreads(int value) {
        return new ItemCfParameters(similarity, neighbours, minCoCustomers, shrinkage, value);
    }
}

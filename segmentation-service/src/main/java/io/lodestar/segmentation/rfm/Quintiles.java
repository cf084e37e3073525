package io.lodestar.segmentation.rfm;

/**
 * The quintile of a rank, the way the usual pandas recipe computes it:
 * {@code pd.qcut(values.rank(method="first"), 5, labels=[1, 2, 3, 4, 5])}.
 *
 * <p>Ranks are 1..n with no ties (the scorer breaks value ties by customerId, which is what {@code method="first"} does on a
 * frame sorted by customerId). {@code qcut} puts the edges at the linear-interpolation quantiles {@code 1 + (n − 1)·k/5}
 * and bins right-closed with the lowest edge included, so rank r falls in the smallest k with
 * {@code r ≤ 1 + (n − 1)·k/5}, computed here exactly in integers. Each quintile then holds n/5 customers, give or take
 * one; 7 customers are scored 1, 1, 2, 3, 4, 5, 5, and 2 customers 1 and 5. For a population of one, where pandas fails
 * ("bin edges must be unique"), the lone customer is the median of its population and gets 3.
 */
public final class Quintiles {

    /** Number of quantile bins, hence the highest score. */
    public static final int COUNT = 5;

    private static final int MIDDLE = 3;

    private Quintiles() {
    }

    /**
     * The quintile, 1–5, of {@code rank} among {@code populationSize} tie-free ranks.
     *
     * @param rank           1-based position in ascending order, at most {@code populationSize}
     * @param populationSize number of ranked customers, at least 1
     */
    public static int ofRank(long rank, long populationSize) {
        if (populationSize < 1 || rank < 1 || rank > populationSize) {
            throw new IllegalArgumentException("rank must be 1 to " + populationSize + ", was " + rank);
        }
        if (populationSize == 1) {
            return MIDDLE;
        }
        long intervals = populationSize - 1;
        // smallest k with (rank − 1)·5 ≤ k·(n − 1), i.e. ceil(5·(rank − 1) / (n − 1)), and at least the first bin
        long k = (COUNT * (rank - 1) + intervals - 1) / intervals;
        return (int) Math.max(1, k);
    }
}

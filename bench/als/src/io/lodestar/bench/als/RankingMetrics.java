package io.lodestar.bench.als;

/**
 * The evaluation both sides share, on factors alone, so the two models are judged by the same code: for every
 * customer with held-out items, score all items by {@code x_u·y_j}, drop the customer's training items (refunds
 * included), take the top {@code k} and compare with the held-out items.
 * <ul>
 *   <li>recall@k = hits / min(k, held-out count) (so a perfect list scores 1 even for customers with more than k
 *       held-out items);</li>
 *   <li>NDCG@k with binary relevance: Σ_hits 1/log2(rank + 2) over the ideal Σ_{r &lt; min(k, held out)}
 *       1/log2(r + 2).</li>
 * </ul>
 * Both are averaged over the customers with at least one held-out item.
 */
final class RankingMetrics {

    final double recall;
    final double ndcg;
    final int customersEvaluated;

    private RankingMetrics(double recall, double ndcg, int customersEvaluated) {
        this.recall = recall;
        this.ndcg = ndcg;
        this.customersEvaluated = customersEvaluated;
    }

    /** Factors row-major, {@code rank} per row: customer {@code u} is row u, item {@code j} is row j. */
    static RankingMetrics evaluate(InteractionFile data, float[] customerFactors, float[] itemFactors, int rank,
            int k) {
        int[][] train = byCustomer(data.customers, data.trainCustomer, data.trainItem);
        int[][] test = byCustomer(data.customers, data.testCustomer, data.testItem);
        boolean[] excluded = new boolean[data.items];
        boolean[] relevant = new boolean[data.items];
        int[] topItems = new int[k];
        double[] topScores = new double[k];
        double recallSum = 0;
        double ndcgSum = 0;
        int evaluated = 0;
        for (int customer = 0; customer < data.customers; customer++) {
            if (test[customer].length == 0) {
                continue;
            }
            for (int item : train[customer]) {
                excluded[item] = true;
            }
            for (int item : test[customer]) {
                relevant[item] = true;
            }
            int size = 0;
            for (int item = 0; item < data.items; item++) {
                if (excluded[item]) {
                    continue;
                }
                double score = 0;
                for (int f = 0; f < rank; f++) {
                    score += (double) customerFactors[customer * rank + f] * itemFactors[item * rank + f];
                }
                // Insertion into a sorted top-k (k is 20: cheaper than a heap at this size); ties keep the lower item.
                if (size < k || score > topScores[size - 1]) {
                    int at = size < k ? size++ : k - 1;
                    while (at > 0 && topScores[at - 1] < score) {
                        topScores[at] = topScores[at - 1];
                        topItems[at] = topItems[at - 1];
                        at--;
                    }
                    topScores[at] = score;
                    topItems[at] = item;
                }
            }
            int hits = 0;
            double dcg = 0;
            for (int r = 0; r < size; r++) {
                if (relevant[topItems[r]]) {
                    hits++;
                    dcg += 1 / log2(r + 2);
                }
            }
            int ideal = Math.min(k, test[customer].length);
            double idealDcg = 0;
            for (int r = 0; r < ideal; r++) {
                idealDcg += 1 / log2(r + 2);
            }
            recallSum += (double) hits / ideal;
            ndcgSum += dcg / idealDcg;
            evaluated++;
            for (int item : train[customer]) {
                excluded[item] = false;
            }
            for (int item : test[customer]) {
                relevant[item] = false;
            }
        }
        return new RankingMetrics(recallSum / evaluated, ndcgSum / evaluated, evaluated);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static int[][] byCustomer(int customers, int[] customer, int[] item) {
        int[] counts = new int[customers];
        for (int c : customer) {
            counts[c]++;
        }
        int[][] lists = new int[customers][];
        for (int c = 0; c < customers; c++) {
            lists[c] = new int[counts[c]];
        }
        int[] filled = new int[customers];
        for (int k = 0; k < customer.length; k++) {
            lists[customer[k]][filled[customer[k]]++] = item[k];
        }
        return lists;
    }
}

package io.lodestar.recommendation.evaluation;

import java.util.Arrays;
import java.util.List;

/**
 * Top-k accuracy metrics with binary relevance, for one user and averaged over users.
 *
 * <p>Definitions, for a ranked list {@code r} (best first; it may be shorter than k when a model has fewer candidates),
 * a non-empty relevant set {@code R} and {@code hits} = |R ∩ r[0..k)|:
 * <ul>
 * <li>precision@k = hits / k: a list shorter than k is not rewarded for its missing slots;</li>
 * <li>recall@k = hits / |R| (the standard definition; a user with more relevant items than k cannot reach 1);</li>
 * <li>NDCG@k = DCG / IDCG with DCG = Σ over hit positions i (0-based) of 1 / log2(i + 2) and IDCG the DCG of a list
 * that puts min(k, |R|) relevant items first;</li>
 * <li>AP@k = (Σ over hit positions i of precision@(i + 1)) / min(k, |R|), so a perfect list scores 1 even when |R| &gt; k;
 * MAP@k is its mean;</li>
 * <li>hit rate@k = 1 when hits &gt; 0, else 0.</li>
 * </ul>
 * Averages are over users with at least one relevant item (a user with none has no defined recall or NDCG).
 *
 * <p>Relevant sets are sorted arrays of distinct item indices; ranked lists must hold distinct items.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Number of relevant items among the first k of {@code ranked}. */
    public static int hits(int[] ranked, int[] relevant, int k) {
        requirePositive(k);
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (isRelevant(ranked[i], relevant)) {
                hits++;
            }
        }
        return hits;
    }

    public static double precision(int[] ranked, int[] relevant, int k) {
        return (double) hits(ranked, relevant, k) / k;
    }

    public static double recall(int[] ranked, int[] relevant, int k) {
        requireRelevant(relevant);
        return (double) hits(ranked, relevant, k) / relevant.length;
    }

    public static double ndcg(int[] ranked, int[] relevant, int k) {
        requireRelevant(relevant);
        requirePositive(k);
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (isRelevant(ranked[i], relevant)) {
                dcg += discount(i);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.length); i++) {
            ideal += discount(i);
        }
        return dcg / ideal;
    }

    public static double averagePrecision(int[] ranked, int[] relevant, int k) {
        requireRelevant(relevant);
        requirePositive(k);
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (isRelevant(ranked[i], relevant)) {
                hits++;
                sum += (double) hits / (i + 1);
            }
        }
        return sum / Math.min(k, relevant.length);
    }

    public static double hitRate(int[] ranked, int[] relevant, int k) {
        return hits(ranked, relevant, k) > 0 ? 1.0 : 0.0;
    }

    /**
     * The five metrics at k averaged over the users with at least one relevant item; {@code ranked.get(u)} and
     * {@code relevant.get(u)} belong to the same user. Summed in list order, so the result does not depend on threads.
     */
    public static AccuracyAtK average(int k, List<int[]> ranked, List<int[]> relevant) {
        if (ranked.size() != relevant.size()) {
            throw new IllegalArgumentException("one ranked list per relevant set");
        }
        requirePositive(k);
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        double map = 0;
        double hitRate = 0;
        int users = 0;
        for (int u = 0; u < ranked.size(); u++) {
            int[] list = ranked.get(u);
            int[] wanted = relevant.get(u);
            if (wanted.length == 0) {
                continue;
            }
            users++;
            precision += precision(list, wanted, k);
            recall += recall(list, wanted, k);
            ndcg += ndcg(list, wanted, k);
            map += averagePrecision(list, wanted, k);
            hitRate += hitRate(list, wanted, k);
        }
        if (users == 0) {
            return new AccuracyAtK(k, 0, 0, 0, 0, 0, 0);
        }
        return new AccuracyAtK(k, users, precision / users, recall / users, ndcg / users, map / users,
                hitRate / users);
    }

    private static double discount(int position) {
        return 1.0 / (Math.log(position + 2) / Math.log(2));
    }

    private static boolean isRelevant(int item, int[] relevant) {
        return Arrays.binarySearch(relevant, item) >= 0;
    }

    private static void requirePositive(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
    }

    private static void requireRelevant(int[] relevant) {
        if (relevant.length == 0) {
            throw new IllegalArgumentException("the metric is undefined for a user without relevant items");
        }
    }
}

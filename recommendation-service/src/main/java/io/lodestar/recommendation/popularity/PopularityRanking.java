package io.lodestar.recommendation.popularity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.lodestar.recommendation.model.InteractionMatrix;

/**
 * Items of one scope (everyone, one customer group or one category) ordered from most to least popular.
 *
 * <p>Popularity is the number of distinct customers whose cell for the item has a positive weight: a customer who bought
 * an item ten times counts once, so a few heavy buyers cannot make an item look popular, and refunds or "not interested"
 * (non-positive cells) do not count at all. Ties are broken by the item's net summed weight over the scope's customers
 * (refunds subtract), then by the lower item index, so a ranking is fully deterministic. Items no customer of the scope
 * wants are left out.
 *
 * <p>Stored as two parallel arrays ({@link #items()}, {@link #scores()} = the customer counts) and reloaded with
 * {@link #of(int[], float[])}; the order of the arrays is the ranking, so the tie-breaking weights need not be stored.
 * Immutable: the arrays are copied in and out.
 */
public final class PopularityRanking {

    private final int[] items;
    private final float[] scores;

    private PopularityRanking(int[] items, float[] scores) {
        this.items = items;
        this.scores = scores;
    }

    /**
     * Reloads a stored ranking.
     *
     * @param items  item indices, most popular first, distinct and non-negative
     * @param scores the score of each item, same order, positive and not increasing
     */
    public static PopularityRanking of(int[] items, float[] scores) {
        if (items.length != scores.length) {
            throw new IllegalArgumentException("items and scores differ in length");
        }
        for (int i = 0; i < items.length; i++) {
            if (items[i] < 0) {
                throw new IllegalArgumentException("item indices must not be negative");
            }
            if (!(scores[i] > 0f) || (i > 0 && scores[i] > scores[i - 1])) {
                throw new IllegalArgumentException("scores must be positive and not increasing");
            }
        }
        if (Arrays.stream(items).distinct().count() != items.length) {
            throw new IllegalArgumentException("items must be distinct");
        }
        return new PopularityRanking(items.clone(), scores.clone());
    }

    /** The ranking over every customer of the matrix. */
    public static PopularityRanking global(InteractionMatrix matrix) {
        int[] everyoneInGroupZero = new int[matrix.customerCount()];
        return rankPerGroup(matrix, everyoneInGroupZero, 1).get(0);
    }

    /**
     * One ranking per customer group, counting only that group's customers.
     *
     * @param groupOfCustomer the group index ({@code 0..g-1}) of every matrix row, or {@code -1} for a customer in no
     *                        group (counted in no group's ranking)
     * @return the rankings indexed by group, {@code max(groupOfCustomer) + 1} of them (a group without interested
     *         customers has an empty ranking)
     */
    public static List<PopularityRanking> perGroup(InteractionMatrix matrix, int[] groupOfCustomer) {
        if (groupOfCustomer.length != matrix.customerCount()) {
            throw new IllegalArgumentException("groupOfCustomer needs one entry per customer (matrix row)");
        }
        if (Arrays.stream(groupOfCustomer).anyMatch(group -> group < -1)) {
            throw new IllegalArgumentException("group indices are -1 (none) or non-negative");
        }
        return rankPerGroup(matrix, groupOfCustomer, 1 + Arrays.stream(groupOfCustomer).max().orElse(-1));
    }

    private static List<PopularityRanking> rankPerGroup(InteractionMatrix matrix, int[] groupOfCustomer,
            int groupCount) {
        // One dense counter row per group: groups are few (segments, regions, age bands), so groups × items stays small.
        int[][] customers = new int[groupCount][matrix.itemCount()];
        double[][] netWeight = new double[groupCount][matrix.itemCount()];
        int[] columns = matrix.columns();
        float[] weights = matrix.weights();
        for (int row = 0; row < matrix.customerCount(); row++) {
            int group = groupOfCustomer[row];
            if (group < 0) {
                continue;
            }
            // A row holds each item at most once (the matrix sums repeats), so counting cells counts distinct customers.
            for (int cell = matrix.rowStart(row); cell < matrix.rowStart(row + 1); cell++) {
                if (weights[cell] > 0f) {
                    customers[group][columns[cell]]++;
                }
                netWeight[group][columns[cell]] += weights[cell];
            }
        }
        List<PopularityRanking> rankings = new ArrayList<>(groupCount);
        int[] allItems = new int[matrix.itemCount()];
        Arrays.setAll(allItems, item -> item);
        for (int group = 0; group < groupCount; group++) {
            rankings.add(rank(allItems, customers[group], netWeight[group]));
        }
        return Collections.unmodifiableList(rankings);
    }

    /**
     * One ranking per item category over every customer: "the most popular items of category c".
     *
     * @param categoryOfItem the category index ({@code 0..c-1}) of every matrix column, or {@code -1} for an item in no
     *                       category
     * @return the rankings indexed by category, {@code max(categoryOfItem) + 1} of them
     */
    public static List<PopularityRanking> perCategory(InteractionMatrix matrix, int[] categoryOfItem) {
        if (categoryOfItem.length != matrix.itemCount()) {
            throw new IllegalArgumentException("categoryOfItem needs one entry per item (matrix column)");
        }
        if (Arrays.stream(categoryOfItem).anyMatch(category -> category < -1)) {
            throw new IllegalArgumentException("category indices are -1 (none) or non-negative");
        }
        PopularityRanking global = global(matrix);
        int categoryCount = 1 + Arrays.stream(categoryOfItem).max().orElse(-1);
        int[] sizes = new int[categoryCount];
        for (int item : global.items) {
            if (categoryOfItem[item] >= 0) {
                sizes[categoryOfItem[item]]++;
            }
        }
        int[][] items = new int[categoryCount][];
        float[][] scores = new float[categoryCount][];
        for (int category = 0; category < categoryCount; category++) {
            items[category] = new int[sizes[category]];
            scores[category] = new float[sizes[category]];
        }
        // Filtering the global order keeps its tie-breaking, so a category ranking never disagrees with the global one.
        int[] filled = new int[categoryCount];
        for (int i = 0; i < global.items.length; i++) {
            int category = categoryOfItem[global.items[i]];
            if (category >= 0) {
                items[category][filled[category]] = global.items[i];
                scores[category][filled[category]] = global.scores[i];
                filled[category]++;
            }
        }
        List<PopularityRanking> rankings = new ArrayList<>(categoryCount);
        for (int category = 0; category < categoryCount; category++) {
            rankings.add(new PopularityRanking(items[category], scores[category]));
        }
        return Collections.unmodifiableList(rankings);
    }

    private static PopularityRanking rank(int[] candidates, int[] customers, double[] netWeight) {
        Integer[] order = Arrays.stream(candidates).filter(item -> customers[item] > 0).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> {
            int byCustomers = Integer.compare(customers[b], customers[a]);
            if (byCustomers != 0) {
                return byCustomers;
            }
            int byWeight = Double.compare(netWeight[b], netWeight[a]);
            return byWeight != 0 ? byWeight : Integer.compare(a, b);
        });
        int[] items = new int[order.length];
        float[] scores = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            items[i] = order[i];
            scores[i] = customers[order[i]];
        }
        return new PopularityRanking(items, scores);
    }

    /** Number of ranked items. */
    public int size() {
        return items.length;
    }

    /** Item index at rank {@code rank} (0 = most popular). */
    public int item(int rank) {
        return items[Objects.checkIndex(rank, items.length)];
    }

    /** Score (distinct interested customers, for a computed ranking) at rank {@code rank}. */
    public float score(int rank) {
        return scores[Objects.checkIndex(rank, scores.length)];
    }

    /** A copy of the ranked item indices, most popular first, for storage. */
    public int[] items() {
        return items.clone();
    }

    /** A copy of the scores, same order as {@link #items()}, for storage. */
    public float[] scores() {
        return scores.clone();
    }
}

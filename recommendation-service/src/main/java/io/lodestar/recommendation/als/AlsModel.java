package io.lodestar.recommendation.als;

import java.util.Arrays;
import java.util.List;

import io.lodestar.recommendation.model.Recommender;
import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.TopScores;
import io.lodestar.recommendation.model.UserHistory;

/**
 * A trained implicit-ALS model: the item factors, plus what serving needs to place any customer among them. A
 * customer's vector is not looked up but {@linkplain #foldIn folded in} from the history given at request time, so this
 * morning's purchases count before the next training run; a customer's score for item j is {@code x_u·y_j}.
 *
 * <p>Stored as numbers only: {@link #rank()}, {@link #itemFactors()}, {@link #regularization()} and {@link #alpha()}
 * are everything {@link #restore} needs (the Gram matrix {@code YᵀY} is recomputed from the factors). The customer
 * factors of the training run ({@link #userFactors()}) are kept for offline evaluation only and are not part of the
 * stored model. Immutable and thread-safe.
 */
public final class AlsModel implements Recommender {

    /** The name reported with each recommendation. */
    public static final String NAME = "als";

    private final int rank;
    private final int itemCount;
    private final float[] itemFactors;
    private final float[] userFactors;
    private final double regularization;
    private final double alpha;
    /** {@code YᵀY + λI}, shared by every fold-in. */
    private final double[] regularizedGram;
    /** Euclidean norm of each item factor, for cosine similarity. */
    private final double[] itemNorms;

    private AlsModel(int rank, float[] itemFactors, float[] userFactors, double regularization, double alpha) {
        this.rank = rank;
        this.itemCount = itemFactors.length / rank;
        this.itemFactors = itemFactors;
        this.userFactors = userFactors;
        this.regularization = regularization;
        this.alpha = alpha;
        this.regularizedGram = RowFactorSolver.regularizedGram(itemFactors, itemCount, rank, regularization);
        this.itemNorms = new double[itemCount];
        for (int item = 0; item < itemCount; item++) {
            itemNorms[item] = Math.sqrt(dot(itemFactors, item * rank, itemFactors, item * rank));
        }
    }

    /** The trainer's result; it hands the arrays over, so they are not copied. */
    static AlsModel trained(int rank, float[] itemFactors, float[] userFactors, double regularization, double alpha) {
        return new AlsModel(rank, itemFactors, userFactors, regularization, alpha);
    }

    /**
     * A model from stored numbers: {@code itemFactors} row-major, {@code rank} values per item, as returned by
     * {@link #itemFactors()}, and the λ and alpha it was trained with (fold-in must use the same ones).
     *
     * @throws IllegalArgumentException if a parameter is out of range or the factors are not a whole number of rows
     *                                  of finite values
     */
    public static AlsModel restore(int rank, float[] itemFactors, double regularization, double alpha) {
        // Validated through the same rules as training, so a stored model cannot hold what training would refuse.
        AlsParameters.defaults().withRank(rank).withRegularization(regularization).withAlpha(alpha);
        if (itemFactors.length % rank != 0) {
            throw new IllegalArgumentException("itemFactors length " + itemFactors.length
                    + " is not a multiple of rank " + rank);
        }
        for (float value : itemFactors) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("itemFactors must be finite");
            }
        }
        return new AlsModel(rank, itemFactors.clone(), new float[0], regularization, alpha);
    }

    @Override
    public String name() {
        return NAME;
    }

    public int rank() {
        return rank;
    }

    public int itemCount() {
        return itemCount;
    }

    public double regularization() {
        return regularization;
    }

    public double alpha() {
        return alpha;
    }

    /** A copy of the item factors, row-major ({@code rank} values per item): the numbers to store. */
    public float[] itemFactors() {
        return itemFactors.clone();
    }

    /**
     * A copy of the training customers' factors, row-major in the training matrix's row order; empty for a
     * {@linkplain #restore restored} model. For offline evaluation, not for serving (serving folds in).
     */
    public float[] userFactors() {
        return userFactors.clone();
    }

    /**
     * The customer vector for this history: the exact solution of a customer half-step against this model's item
     * factors (Cholesky, O(f²·n + f³); a request has no previous vector to warm-start CG from). An empty history gives
     * the zero vector.
     *
     * @throws IllegalArgumentException if the history names an item outside this model
     */
    public float[] foldIn(UserHistory history) {
        int[] items = history.items();
        if (items.length > 0 && items[items.length - 1] >= itemCount) {
            throw new IllegalArgumentException("item " + items[items.length - 1] + " is outside this model's "
                    + itemCount + " items");
        }
        float[] vector = new float[rank];
        new RowFactorSolver(rank, alpha).solveExactly(itemFactors, regularizedGram, items, history.weights(), 0,
                items.length, vector, 0);
        return vector;
    }

    /** Top {@code n} items by {@code x_u·y_j} for the folded-in history, best first, {@code because = NO_ANCHOR}. */
    @Override
    public List<ScoredItem> recommend(UserHistory history, int n) {
        requireCount(n);
        if (history.isEmpty() || n == 0) {
            return List.of();
        }
        return recommend(foldIn(history), n);
    }

    /** Top {@code n} items for an already known customer vector (e.g. a row of {@link #userFactors()}). */
    public List<ScoredItem> recommend(float[] customerVector, int n) {
        requireCount(n);
        if (customerVector.length != rank) {
            throw new IllegalArgumentException("customer vector has " + customerVector.length + " values, rank is "
                    + rank);
        }
        TopScores top = new TopScores(Math.min(n, itemCount));
        for (int item = 0; item < itemCount; item++) {
            top.offer(item, dot(customerVector, 0, itemFactors, item * rank));
        }
        return top.drainBestFirst(ScoredItem.NO_ANCHOR);
    }

    /**
     * The {@code n} items whose factors have the highest positive cosine with {@code item}'s, best first, the item
     * itself excluded; {@code because} is {@code item}.
     */
    public List<ScoredItem> similarItems(int item, int n) {
        requireCount(n);
        if (item < 0 || item >= itemCount) {
            throw new IllegalArgumentException("item " + item + " is outside this model's " + itemCount + " items");
        }
        TopScores top = new TopScores(Math.min(n, itemCount));
        double norm = itemNorms[item];
        if (norm == 0) {
            return List.of();
        }
        for (int other = 0; other < itemCount; other++) {
            if (other != item && itemNorms[other] > 0) {
                double cosine = dot(itemFactors, item * rank, itemFactors, other * rank) / (norm * itemNorms[other]);
                top.offer(other, cosine);
            }
        }
        return top.drainBestFirst(item);
    }

    private static void requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
    }

    private double dot(float[] a, int offsetA, float[] b, int offsetB) {
        double sum = 0;
        for (int k = 0; k < rank; k++) {
            sum += (double) a[offsetA + k] * b[offsetB + k];
        }
        return sum;
    }

    @Override
    public String toString() {
        return "AlsModel[rank=" + rank + ", items=" + itemCount + ", regularization=" + regularization + ", alpha="
                + alpha + ", trainingCustomers=" + userFactors.length / rank + "]";
    }

    /** Equal stored numbers (the training customers' factors are not part of a model's identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof AlsModel model && rank == model.rank && regularization == model.regularization
                && alpha == model.alpha && Arrays.equals(itemFactors, model.itemFactors);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(itemFactors) + rank;
    }
}

package io.lodestar.recommendation.training;

import java.time.Instant;
import java.util.List;

import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.sequence.Purchase;

/**
 * One snapshot of the interactions, in the shapes the models train on; every index refers to the matrix's
 * dictionaries.
 *
 * @param matrix          customers × items of decayed confidence weights (guest orders included as their own rows)
 * @param baskets         the distinct items of each paid order (association rules)
 * @param purchases       per customer row, their paid items in time order (sequential rules)
 * @param categoryOfItem  each item's category index into {@code categories}, or -1
 * @param categories      the category names
 * @param slotCounts      positive interactions per category (row, as {@code categories}) and hour of the week
 * @param asOf            the instant the weights were decayed to
 */
public record TrainingData(InteractionMatrix matrix, int[][] baskets, List<List<Purchase>> purchases,
                           int[] categoryOfItem, List<String> categories, long[][] slotCounts, Instant asOf) {
}

package io.lodestar.recommendation.model;

/**
 * One candidate a model proposes.
 *
 * @param item    column index in the model's item dictionary
 * @param score   the model's score; comparable only with other scores of the same model and request
 * @param because the history item that explains the candidate most ("similar to Y", "bought together with X"), or
 *                {@link #NO_ANCHOR} when the model has no single reason (ALS, popularity)
 */
public record ScoredItem(int item, double score, int because) {

    public static final int NO_ANCHOR = -1;
}

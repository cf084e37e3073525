package io.lodestar.recommendation.model;

import java.util.List;

/**
 * A trained model that scores items for one customer. Every model of a training run shares that run's
 * {@link InteractionMatrix} dictionaries, so item indices mean the same thing across models of one version.
 *
 * <p>Implementations are immutable and thread-safe: serving calls them concurrently from many requests.
 */
public interface Recommender {

    /** The model's name as reported with each recommendation, e.g. {@code item-cf}, {@code als}, {@code popularity}. */
    String name();

    /**
     * Up to {@code n} items for this history, best first. Items already in the history may be returned (serving
     * rules decide whether a consumable is due again); items with a non-positive score are not.
     */
    List<ScoredItem> recommend(UserHistory history, int n);
}

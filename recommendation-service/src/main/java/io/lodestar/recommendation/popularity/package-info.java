/**
 * Popularity: items ranked by how many distinct customers showed interest, globally, per customer group (segment, region,
 * age band: the caller decides what a group is) or within an item category, and the {@code popularity} recommender built
 * on one such ranking. It is the cold-start fallback of serving and the baseline every offline evaluation reports.
 *
 * <p>Pure Java on the shared {@link io.lodestar.recommendation.model.InteractionMatrix}; rankings are stored as plain
 * numbers (item indices and scores) and reloaded through {@link io.lodestar.recommendation.popularity.PopularityRanking#of}.
 */
package io.lodestar.recommendation.popularity;

/**
 * What every recommendation model shares: the sparse customer × item training matrix with its id dictionaries, a
 * customer's history as a model sees it, and the {@link io.lodestar.recommendation.model.Recommender} interface that
 * serving and offline evaluation call. Pure Java, no Smile and no Quarkus.
 */
package io.lodestar.recommendation.model;

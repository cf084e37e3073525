/**
 * Implicit-feedback matrix factorisation (Hu, Koren and Volinsky 2008, "Collaborative Filtering for Implicit Feedback
 * Datasets"): {@link io.lodestar.recommendation.als.ImplicitAlsTrainer} learns customer and item factors from an
 * {@link io.lodestar.recommendation.model.InteractionMatrix}, and {@link io.lodestar.recommendation.als.AlsModel}
 * serves them as a {@link io.lodestar.recommendation.model.Recommender}, folding a customer's latest history in at
 * request time. Plain Java on flat arrays: Smile has no ALS, so nothing here imports it.
 */
package io.lodestar.recommendation.als;

/**
 * Item-based collaborative filtering: "customers who liked this also liked". {@link
 * io.lodestar.recommendation.itemcf.ItemCfTrainer} computes, for every item, its most similar items (cosine on the
 * implicit weights or Jaccard on the sets of customers) from a sparse co-occurrence walk over the
 * {@link io.lodestar.recommendation.model.InteractionMatrix}; the result, {@link
 * io.lodestar.recommendation.itemcf.ItemNeighbours}, is the model: a {@link io.lodestar.recommendation.model.Recommender}
 * that scores a history by summing the similarities of its items, explains each candidate by the history item that
 * contributed most, and is stored as one neighbour list and one similarity list per item.
 *
 * <p>Pure Java (no Smile, no Quarkus). Training is CPU-bound: run it on a worker executor or in a job, never on an event
 * loop.
 */
package io.lodestar.recommendation.itemcf;

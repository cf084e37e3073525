/**
 * Association rules, "bought together": baskets ({@link io.lodestar.recommendation.association.Baskets}) →
 * frequent item sets and rules ({@link io.lodestar.recommendation.association.AssociationRuleMiner}, FP-growth) →
 * a recommender and the bought-together lists ({@link io.lodestar.recommendation.association.BoughtTogether}).
 *
 * <p>This is the ML adapter of CONVENTIONS.md rule 15: the only package of the service that imports {@code smile.*}
 * (smile-core 2.6.0, {@code FPTree} and {@code FPGrowth} in {@code AssociationRuleMiner} only). The miner owns the
 * dense item dictionary Smile needs and hands Smile fresh arrays (Smile reorders them in place); everything that leaves
 * the package is plain Java records and arrays of numbers, so rules are stored and reloaded without serialised Smile
 * objects, and a later Smile upgrade touches this package alone.
 *
 * <p>Mining is CPU-bound: run it in a job, never on a Vert.x event loop. Result types are immutable and thread-safe.
 */
package io.lodestar.recommendation.association;

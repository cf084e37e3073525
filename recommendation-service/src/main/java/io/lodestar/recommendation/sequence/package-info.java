/**
 * Sequential rules: "customers who bought A bought B within D days" (baby formula → stroller within three months).
 * {@link io.lodestar.recommendation.sequence.SequentialRuleMiner} counts, over each customer's time-ordered purchases,
 * the ordered item pairs that follow each other within a maximum gap; {@link
 * io.lodestar.recommendation.sequence.SequentialRecommender} turns the rules into a recommender stored as plain
 * arrays.
 *
 * <p>Pure Java, no Smile: pair counting over a sliding time window is simple enough that a library would only add a
 * dictionary round trip. Mining is CPU-bound: run it in a job, never on an event loop.
 */
package io.lodestar.recommendation.sequence;

/**
 * Offline evaluation of recommenders: splitting timestamped interactions into a training matrix and per-customer relevant
 * items ({@link io.lodestar.recommendation.evaluation.EvaluationSplit}, by time or leave-last-out), ranking metrics at k
 * ({@link io.lodestar.recommendation.evaluation.RankingMetrics}), catalogue coverage and long-tail share
 * ({@link io.lodestar.recommendation.evaluation.LongTail}), and the run that trains every model on the same split and
 * reports one table per model, always next to the popularity and random baselines
 * ({@link io.lodestar.recommendation.evaluation.OfflineEvaluation}).
 *
 * <p>Pure Java over the shared {@link io.lodestar.recommendation.model} types, no Quarkus and no Smile. A run is CPU-bound
 * (it trains each model and scores every test customer on the common ForkJoin pool): call it from a job on a worker
 * executor, never on an event loop. Results are immutable records of plain numbers.
 */
package io.lodestar.recommendation.evaluation;

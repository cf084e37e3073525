/**
 * Offline evaluation of recommenders: splitting timestamped interactions into a training matrix and per-customer relevant
 * items ({@link io.lodestar.recommendation.evaluation.EvaluationSplit}, by time or leave-last-out), ranking metrics at k
 * ({@link io.lodestar.recommendation.evaluation.RankingMetrics}), catalogue coverage and long-tail share
 * ({@link io.lodestar.recommendation.evaluation.LongTail}), and the run that trains every model on the same split and
 * reports one table per model, always next to the popularity and random baselines
 * ({@link io.lodestar.recommendation.evaluation.OfflineEvaluation}).
 *
 * <p>Those pieces, with {@link io.lodestar.recommendation.evaluation.EvaluationInput} (stored history → split and
 * training baskets) and {@link io.lodestar.recommendation.evaluation.EvaluatedModels} (the models a training run
 * trains), are pure Java over the shared {@link io.lodestar.recommendation.model} types, no Quarkus. A run is CPU-bound
 * (it trains each model and scores every test customer on the common ForkJoin pool): call it from a job on a worker
 * executor, never on an event loop. Results are immutable records of plain numbers.
 *
 * <p>The job around them: {@code POST /evaluations} ({@link io.lodestar.recommendation.evaluation.EvaluationResource},
 * {@link io.lodestar.recommendation.evaluation.EvaluationService}) records an evaluation (one at a time across
 * replicas) and {@link io.lodestar.recommendation.evaluation.EvaluationRunner} runs it on its own job thread, reading
 * the {@code interaction} table with instants ({@link io.lodestar.recommendation.evaluation.InteractionHistoryRepository})
 * and storing the table ({@link io.lodestar.recommendation.evaluation.EvaluationRepository}).
 */
package io.lodestar.recommendation.evaluation;

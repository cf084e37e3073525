package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.lodestar.recommendation.als.AlsParameters;
import io.lodestar.recommendation.association.RuleParameters;
import io.lodestar.recommendation.config.InteractionConfig;
import io.lodestar.recommendation.config.TrainingConfig;
import io.lodestar.recommendation.interaction.InteractionWeighting;
import io.lodestar.recommendation.itemcf.ItemCfParameters;
import io.lodestar.recommendation.itemcf.ItemSimilarity;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * One evaluation, on the runner's job thread (it waits for each database step and trains on the result, which is why
 * it never runs on an event loop): load the interactions of the horizon with their instants, split them, train item-CF,
 * ALS and association rules with the training run's parameters on the training part and measure them next to the
 * baselines. Progress is written whenever the evaluation moves to another model or phase; a failure marks the
 * evaluation failed with its message.
 */
final class EvaluationExecution {

    /** What an evaluation needs. */
    record Deps(EvaluationRepository evaluations, InteractionHistoryRepository history, TrainingConfig training,
                InteractionConfig interactions) {
    }

    private final UUID id;
    private final EvaluationRequest request;
    private final Deps deps;
    private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private String currentPhase;
    private long phaseStart;
    private String lastReported;

    EvaluationExecution(UUID id, EvaluationRequest request, Deps deps) {
        this.id = id;
        this.request = request;
        this.deps = deps;
    }

    void run() {
        try {
            Instant now = Instant.now();
            phase("load", 0);
            List<RecordedInteraction> history = await(() -> deps.history().load(
                    now.minus(deps.interactions().horizon()), now));
            if (history.isEmpty()) {
                throw new IllegalStateException("no interactions to evaluate on");
            }

            phase("split", 5);
            EvaluationInput input = EvaluationInput.of(request.split(), history,
                    InteractionWeighting.of(deps.interactions()),
                    request.testDays() == null ? EvaluationRequest.DEFAULT_TEST_DAYS : request.testDays(),
                    Optional.empty());
            history = null; // the split holds what is needed; let the rows go before training

            phase("evaluate", 10);
            EvaluationReport report = OfflineEvaluation.run(input.split(), models(input.trainingBaskets()),
                    request.ks(), this::reportProgress);
            phaseDone();
            await(() -> deps.evaluations().succeed(id, phaseMillis, EvaluationResult.of(report,
                    input.weightedAsOf())));
            Log.infof("evaluation %s: %d customers evaluated in %s", id, report.split().evaluatedCustomers(),
                    phaseMillis);
        } catch (RuntimeException e) {
            phaseDone();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Log.errorf(e, "evaluation %s failed", id);
            try {
                await(() -> deps.evaluations().fail(id, error, phaseMillis));
            } catch (RuntimeException recordFailure) {
                Log.errorf(recordFailure, "evaluation %s: its failure could not be recorded", id);
            }
        }
    }

    /** The models a training run trains, with its parameters, so the table describes what serving would serve. */
    private Map<String, java.util.function.Function<io.lodestar.recommendation.model.InteractionMatrix,
            io.lodestar.recommendation.model.Recommender>> models(int[][] baskets) {
        TrainingConfig config = deps.training();
        int threads = config.threads();
        TrainingConfig.ItemCf cf = config.itemCf();
        ItemCfParameters itemCf = ItemCfParameters.defaults()
                .withSimilarity(ItemSimilarity.valueOf(cf.similarity().toUpperCase(Locale.ROOT)))
                .withNeighbours(cf.neighbours()).withMinCoCustomers(cf.minCoCustomers()).withThreads(threads);
        TrainingConfig.Als als = config.als();
        AlsParameters alsParameters = AlsParameters.defaults().withRank(als.rank()).withIterations(als.iterations())
                .withRegularization(als.regularization()).withAlpha(als.alpha()).withSeed(als.seed())
                .withThreads(threads);
        TrainingConfig.Rules rules = config.rules();
        RuleParameters ruleParameters = new RuleParameters(rules.minSupport(), rules.minConfidence(),
                rules.minLift(), rules.maxLength());
        return EvaluatedModels.of(itemCf, alsParameters, ruleParameters, baskets);
    }

    /** Called on this thread by {@link OfflineEvaluation}; writes only when the model or phase changes. */
    private void reportProgress(String model, EvaluationPhase phase, int percent) {
        String name = model == null ? "evaluate" : model + ":" + phase.name().toLowerCase(Locale.ROOT);
        if (name.equals(lastReported) || phase == EvaluationPhase.DONE) {
            return;
        }
        lastReported = name;
        int overall = Math.min(99, 10 + percent * 9 / 10);
        await(() -> deps.evaluations().progress(id, overall, name, phaseMillis));
    }

    private void phase(String name, int percent) {
        phaseDone();
        phaseStart = System.nanoTime();
        currentPhase = name;
        await(() -> deps.evaluations().progress(id, percent, name, phaseMillis));
    }

    private void phaseDone() {
        if (currentPhase != null) {
            phaseMillis.put(currentPhase, (System.nanoTime() - phaseStart) / 1_000_000);
            currentPhase = null;
        }
    }

    private static <T> T await(Supplier<Uni<T>> step) {
        return step.get().await().indefinitely();
    }
}

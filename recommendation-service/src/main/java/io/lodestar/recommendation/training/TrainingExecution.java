package io.lodestar.recommendation.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.lodestar.recommendation.als.AlsModel;
import io.lodestar.recommendation.als.AlsParameters;
import io.lodestar.recommendation.als.ImplicitAlsTrainer;
import io.lodestar.recommendation.association.AssociationRule;
import io.lodestar.recommendation.association.AssociationRuleMiner;
import io.lodestar.recommendation.association.Baskets;
import io.lodestar.recommendation.association.RuleParameters;
import io.lodestar.recommendation.config.InteractionConfig;
import io.lodestar.recommendation.config.TrainingConfig;
import io.lodestar.recommendation.interaction.InteractionWeighting;
import io.lodestar.recommendation.itemcf.ItemCfParameters;
import io.lodestar.recommendation.itemcf.ItemCfTrainer;
import io.lodestar.recommendation.itemcf.ItemNeighbours;
import io.lodestar.recommendation.itemcf.ItemSimilarity;
import io.lodestar.recommendation.model.InteractionMatrix;
import io.lodestar.recommendation.popularity.PopularityRanking;
import io.lodestar.recommendation.sequence.SequenceParameters;
import io.lodestar.recommendation.sequence.SequentialRecommender;
import io.lodestar.recommendation.sequence.SequentialRule;
import io.lodestar.recommendation.sequence.SequentialRuleMiner;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.lodestar.recommendation.association.BoughtTogether;
import io.lodestar.recommendation.config.ServingConfig;
import java.util.Locale;
import java.util.function.Function;

/**
 * One training run, on the runner's job thread (it waits for each database step and trains on it, which is why it
 * never runs on the event loop): load the interactions of the horizon, train item-CF, ALS, popularity per scope,
 * association and sequential rules on the same snapshot, store them as a new version and activate it. Progress and
 * phase timings are written after each phase; a failure marks the run failed and leaves the served version as it was.
 */
final class TrainingExecution {

    /** What a run needs. */
    record Deps(ModelRunRepository runs, TrainingDataRepository data, CustomerGroups groups, ModelStore store,
                ActiveModels active, TrainingConfig training, InteractionConfig interactions,
                ServingConfig serving, VersionActivation activation) {
    }

    private final UUID runId;
    private final Deps deps;
    private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private final Map<String, Object> report = new LinkedHashMap<>();
    private long phaseStart;

    TrainingExecution(UUID runId, Deps deps) {
        this.runId = runId;
        this.deps = deps;
    }

    void run() {
        try {
            Instant asOf = Instant.now();
            phase("load", 0);
            TrainingData data = await(() -> deps.data().load(asOf.minus(deps.interactions().horizon()), asOf,
                    InteractionWeighting.of(deps.interactions()), deps.serving().timeZone()));
            InteractionMatrix matrix = data.matrix();
            report.put("customers", matrix.customerCount());
            report.put("items", matrix.itemCount());
            report.put("interactions", matrix.size());
            report.put("baskets", data.baskets().length);
            if (matrix.itemCount() == 0) {
                throw new IllegalStateException("no interactions to train on");
            }
            int threads = deps.training().threads();

            phase("item-cf", 10);
            TrainingConfig.ItemCf cf = deps.training().itemCf();
            ItemNeighbours itemCf = ItemCfTrainer.train(matrix, ItemCfParameters.defaults()
                    .withSimilarity(ItemSimilarity.valueOf(cf.similarity().toUpperCase(Locale.ROOT)))
                    .withNeighbours(cf.neighbours()).withMinCoCustomers(cf.minCoCustomers()).withThreads(threads),
                    (done, total) -> { });

            phase("als", 30);
            TrainingConfig.Als als = deps.training().als();
            List<Double> losses = new ArrayList<>();
            AlsModel alsModel = ImplicitAlsTrainer.train(matrix, AlsParameters.defaults().withRank(als.rank())
                    .withIterations(als.iterations()).withRegularization(als.regularization())
                    .withAlpha(als.alpha()).withSeed(als.seed()).withThreads(threads)
                            .withComputeLoss(als.computeLoss()),
                    (iteration, loss, elapsed) -> losses.add(loss));
            if (als.computeLoss()) {
                report.put("alsLoss", losses);
            }

            phase("popularity", 70);
            Map<String, Map<String, PopularityRanking>> rankings = rankings(data);
            HourOfWeekLift timeOfDay = HourOfWeekLift.learn(data.slotCounts(), data.categories());
            report.put("timeOfDayCategories", timeOfDay.lifts().size());

            phase("rules", 75);
            TrainingConfig.Rules ruleConfig = deps.training().rules();
            int[][] baskets = ruleConfig.basketWindow().isZero() ? data.baskets()
                    : Baskets.byWindow(data.purchases(), ruleConfig.basketWindow());
            List<AssociationRule> rules = baskets.length == 0 ? List.of()
                    : AssociationRuleMiner.mine(baskets, new RuleParameters(ruleConfig.minSupport(),
                            ruleConfig.minConfidence(), ruleConfig.minLift(), ruleConfig.maxLength()));
            report.put("associationRules", rules.size());
            report.put("ruleBaskets", baskets.length);

            phase("sequences", 85);
            TrainingConfig.Sequences seq = deps.training().sequences();
            List<SequentialRule> sequences = SequentialRuleMiner.mine(data.purchases(),
                    new SequenceParameters(seq.maxGap(), seq.minCustomers(), seq.minConfidence(), seq.minLift()));
            report.put("sequentialRules", sequences.size());

            phase("store", 90);
            TrainedModels models = new TrainedModels(matrix.itemIds(), matrix.customerCount(), matrix.size(), itemCf,
                    alsModel, rules, sequences, rankings, timeOfDay);
            long version = await(() -> deps.store().save(runId, asOf, models));
            await(() -> deps.store().activate(version));
            ModelSet activated = ModelSet.of(version, asOf, matrix.itemIds(), itemCf, alsModel,
                    BoughtTogether.of(rules), SequentialRecommender.of(sequences), rankings, timeOfDay);
            deps.active().swap(activated);

            phase("precompute", 95);
            report.putAll(await(() -> deps.activation().activated(activated)));
            phaseDone();
            await(() -> deps.runs().succeed(runId, phaseMillis, report, version));
            Log.infof("training run %s: version %d from %d interactions in %s", runId, version, matrix.size(),
                    phaseMillis);
        } catch (RuntimeException e) {
            phaseDone();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Log.errorf(e, "training run %s failed", runId);
            try {
                await(() -> deps.runs().fail(runId, error, phaseMillis, report));
            } catch (RuntimeException recordFailure) {
                Log.errorf(recordFailure, "training run %s: its failure could not be recorded", runId);
            }
        }
    }

    /** Global, per category, per segment, per region and per age band. */
    private Map<String, Map<String, PopularityRanking>> rankings(TrainingData data) {
        InteractionMatrix matrix = data.matrix();
        Map<String, Map<String, PopularityRanking>> rankings = new HashMap<>();
        rankings.put(ModelSet.GLOBAL, Map.of("", PopularityRanking.global(matrix)));
        rankings.put(ModelSet.CATEGORY, named(PopularityRanking.perCategory(matrix, data.categoryOfItem()),
                data.categories()));
        Map<String, String[]> context = await(() -> deps.groups().regionAndAgeBand());
        rankings.put(ModelSet.REGION, byGroup(matrix, id -> context.containsKey(id) ? context.get(id)[0] : null));
        rankings.put(ModelSet.AGE_BAND, byGroup(matrix, id -> context.containsKey(id) ? context.get(id)[1] : null));
        try {
            Map<String, String> segments = await(() -> deps.groups().segments(matrix.customerIds()));
            rankings.put(ModelSet.SEGMENT, byGroup(matrix, segments::get));
        } catch (RuntimeException e) {
            Log.warnf("training run %s: segment tags unreadable (%s); no per-segment popularity in this version",
                    runId, e.getMessage());
        }
        return rankings;
    }

    private static Map<String, PopularityRanking> byGroup(InteractionMatrix matrix,
                                                          Function<String, String> groupOf) {
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        int[] groupOfCustomer = new int[matrix.customerCount()];
        for (int row = 0; row < matrix.customerCount(); row++) {
            String group = groupOf.apply(matrix.customerId(row));
            groupOfCustomer[row] = group == null ? -1 : groupIndex.computeIfAbsent(group, g -> groupIndex.size());
        }
        return named(PopularityRanking.perGroup(matrix, groupOfCustomer), List.copyOf(groupIndex.keySet()));
    }

    private static Map<String, PopularityRanking> named(List<PopularityRanking> rankings, List<String> names) {
        Map<String, PopularityRanking> byName = new HashMap<>();
        for (int i = 0; i < names.size() && i < rankings.size(); i++) {
            byName.put(names.get(i), rankings.get(i));
        }
        return byName;
    }

    private void phase(String name, int percent) {
        phaseDone();
        phaseStart = System.nanoTime();
        currentPhase = name;
        await(() -> deps.runs().progress(runId, percent, name, phaseMillis));
    }

    private String currentPhase;

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

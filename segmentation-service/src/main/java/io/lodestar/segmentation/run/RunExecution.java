package io.lodestar.segmentation.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.segment.SegmentKind;
import io.lodestar.segmentation.churn.ChurnFeatureSpec;
import io.lodestar.segmentation.churn.ChurnHistory;
import io.lodestar.segmentation.churn.ChurnRiskPolicy;
import io.lodestar.segmentation.churn.ChurnRunException;
import io.lodestar.segmentation.churn.ChurnRunRequest;
import io.lodestar.segmentation.churn.ChurnRunResult;
import io.lodestar.segmentation.churn.ChurnRunner;
import io.lodestar.segmentation.churn.ChurnScore;
import io.lodestar.segmentation.churn.ChurnTrainingConfig;
import io.lodestar.segmentation.churn.PaidOrderEvent;
import io.lodestar.segmentation.clustering.ClusteringCustomer;
import io.lodestar.segmentation.clustering.ClusteringOptions;
import io.lodestar.segmentation.clustering.ClusteringResult;
import io.lodestar.segmentation.clustering.ClusteringStability;
import io.lodestar.segmentation.clustering.CustomerClustering;
import io.lodestar.segmentation.config.RunConfig;
import io.lodestar.segmentation.lifecycle.LifecycleAssessment;
import io.lodestar.segmentation.lifecycle.LifecycleClassifier;
import io.lodestar.segmentation.lifecycle.LifecycleFlag;
import io.lodestar.segmentation.rfm.RfmInput;
import io.lodestar.segmentation.rfm.RfmResult;
import io.lodestar.segmentation.rfm.RfmScorer;
import io.lodestar.segmentation.rfm.ScoredCustomer;
import io.lodestar.segmentation.rfmmodel.RfmModelService;
import io.lodestar.segmentation.rfmmodel.RfmModelService.NamedModel;
import io.lodestar.segmentation.run.PopulationRepository.BehaviourFeatures;
import io.lodestar.segmentation.rule.Condition;
import io.lodestar.segmentation.rule.RuleSegmentQuery;
import io.lodestar.segmentation.rule.SegmentLookup;
import io.lodestar.segmentation.segment.SegmentRepository;
import io.lodestar.segmentation.segment.SegmentService;
import io.lodestar.segmentation.tag.MembershipEvents;
import io.lodestar.segmentation.tag.RedisTagWriter;
import io.lodestar.segmentation.tag.Tag;
import io.lodestar.segmentation.tag.TagChange;
import io.lodestar.segmentation.tag.TagDiff;
import io.lodestar.segmentation.tag.TagRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * One full recomputation, on the runner's job thread (it waits for each database and Redis step, and clusters and
 * trains on it, which is why it never runs on the event loop): read the population as of the run's instant, score
 * every RFM model, assess lifecycle stages, cluster with K-means, predict churn, evaluate the rule segments, diff the
 * resulting tags against the stored ones, and then
 * <ol>
 * <li>write the whole new tag set to Redis under a new version (readers still use the previous one),</li>
 * <li>store the changed tags in PostgreSQL with their membership events (outbox, same transaction, by chunk),</li>
 * <li>switch Redis readers to the new version.</li>
 * </ol>
 * A failure before the switch leaves readers on the previous version. Changes already stored are not published
 * twice: the next run diffs against what was stored.
 */
final class RunExecution {

    private final UUID runId;
    private final Instant asOf;
    private final Deps deps;
    private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private String phase = "queued";
    private long phaseStarted = System.nanoTime();

    /** What a run needs, in one place so that the runner hands it over in one argument. */
    record Deps(RunRepository runs, PopulationRepository population, RfmModelService models, TagRepository tags,
                AssignmentRepository assignments, SegmentService segments, SegmentRepository segmentQueries,
                RedisTagWriter redis, RunConfig config, Runnable versionSwitched) {
    }

    RunExecution(UUID runId, Instant asOf, Deps deps) {
        this.runId = runId;
        this.asOf = asOf;
        this.deps = deps;
    }

    void run() {
        try {
            Map<String, Map<String, Tag>> tags = new HashMap<>();
            enter("rfm", 5);
            List<NamedModel> models = await(() -> deps.models().scoringModels(asOf));
            RfmScorer scorer = new RfmScorer();
            for (NamedModel model : models) {
                Instant modelAsOf = model.model().asOf();
                Instant windowStart = model.model().window().start(modelAsOf).orElse(null);
                RfmResult result = scorer.score(await(() -> deps.population().rfmInputs(modelAsOf, windowStart)),
                        model.model());
                await(() -> deps.models().replaceScores(model.id(), result.scored(), deps.config().writeChunk()));
                for (ScoredCustomer scored : result.scored()) {
                    Map<String, Tag> own = tags.computeIfAbsent(scored.customerId(), c -> new HashMap<>());
                    addRfmTags(own, model, scored);
                }
            }

            enter("lifecycle", 30);
            List<LifecycleAssessment> assessments = new LifecycleClassifier()
                    .classifyAll(await(() -> deps.population().orderHistories(asOf)), asOf);
            for (LifecycleAssessment assessment : assessments) {
                addLifecycleTags(tags.computeIfAbsent(assessment.customerId(), c -> new HashMap<>()), assessment);
            }
            int chunk = deps.config().writeChunk();
            for (int from = 0; from < assessments.size(); from += chunk) {
                List<LifecycleAssessment> part = assessments.subList(from, Math.min(assessments.size(), from + chunk));
                await(() -> deps.assignments().lifecycleStages(part));
            }

            enter("clustering", 35);
            Map<String, Object> clustering = cluster(tags);
            enter("churn", 45);
            Map<String, Object> churn = predictChurn(tags);
            await(() -> deps.runs().models(runId, clustering, churn));

            // Rule segments last: their conditions read this run's RFM scores, lifecycle, clusters and churn.
            enter("rules", 48);
            Map<String, Condition> conditions = await(() -> deps.segments().conditions());
            Map<String, String> segmentNames = await(() -> deps.segments().names());
            SegmentLookup lookup = SegmentLookup.of(conditions);
            for (Map.Entry<String, Condition> segment : conditions.entrySet()) {
                String name = Tag.Names.rule(segment.getKey());
                String label = segmentNames.get(segment.getKey());
                List<String> members = await(() -> deps.segmentQueries().customerIds(
                        RuleSegmentQuery.of(segment.getValue(), asOf, lookup).members()));
                for (String member : members) {
                    tags.computeIfAbsent(member, c -> new HashMap<>()).put(name, Tag.membership(name, "true",
                            SegmentKind.RULE, label, "matches the conditions of segment " + label));
                }
            }

            enter("diff", 50);
            Map<String, Map<String, String>> stored = await(() -> deps.tags().all());
            TagDiff diff = new TagDiff();
            for (Map.Entry<String, Map<String, Tag>> customer : tags.entrySet()) {
                diff.compare(customer.getKey(), stored.getOrDefault(customer.getKey(), Map.of()), customer.getValue());
            }
            for (Map.Entry<String, Map<String, String>> customer : stored.entrySet()) {
                if (!tags.containsKey(customer.getKey())) {
                    diff.compare(customer.getKey(), customer.getValue(), Map.of()); // left the population
                }
            }

            enter("redis", 60);
            Long previous = await(() -> deps.tags().currentVersion()).orElse(null);
            long version = previous == null ? 1 : previous + 1;
            Map<String, Map<String, String>> values = new HashMap<>(tags.size() * 2);
            tags.forEach((customerId, own) -> {
                Map<String, String> plain = new HashMap<>();
                own.forEach((name, tag) -> plain.put(name, tag.value()));
                values.put(customerId, plain);
            });
            deps.redis().write(version, values);

            enter("memberships", 80);
            List<TagChange> changes = diff.changes();
            Instant at = Instant.now();
            for (int from = 0; from < changes.size(); from += chunk) {
                List<TagChange> part = changes.subList(from, Math.min(changes.size(), from + chunk));
                List<EventEnvelope<?>> events = new ArrayList<>();
                part.forEach(change -> events.addAll(MembershipEvents.of(change, at)));
                await(() -> deps.tags().apply(part, events, at));
            }

            enter("switch", 95);
            Set<String> previousCustomers = stored.keySet();
            deps.redis().switchTo(version, previous, previousCustomers);
            await(() -> deps.tags().recordVersion(version));
            deps.versionSwitched().run();
            finishPhase();
            await(() -> deps.runs().succeed(runId, phaseMillis, diff.distribution(), diff.transitions(), version,
                    tags.size()));
            Log.infof("Segmentation run %s: %d customers, %d tag changes, version %d, %s", runId, tags.size(),
                    changes.size(), version, phaseMillis);
        } catch (RuntimeException e) {
            Log.errorf(e, "Segmentation run %s failed in phase %s", runId, phase);
            finishPhase();
            String error = phase + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            await(() -> deps.runs().fail(runId, error, phaseMillis));
        }
    }

    /**
     * K-means on RFM plus behaviour and preference features of every paying customer, k chosen by silhouette;
     * tags {@code cluster} and {@code cluster:name}. Skipped, with the reason in the run, when there are fewer paying
     * customers than the smallest k.
     */
    private Map<String, Object> cluster(Map<String, Map<String, Tag>> tags) {
        ClusteringOptions options = ClusteringOptions.defaults();
        List<RfmInput> rfm = await(() -> deps.population().rfmInputs(asOf, null));
        Map<String, BehaviourFeatures> behaviour = await(() -> deps.population().behaviourFeatures());
        List<ClusteringCustomer> customers = new ArrayList<>();
        for (RfmInput input : rfm) {
            BehaviourFeatures b = behaviour.get(input.customerId());
            if (!input.hasPaid() || input.paidOrders() == 0 || b == null) {
                continue; // recency needs a paid order
            }
            customers.add(new ClusteringCustomer(input.customerId(),
                    ChronoUnit.DAYS.between(input.lastPaidAt(), asOf), input.paidOrders(),
                    input.netSpend().doubleValue(), b.productViews(), b.favorites(), b.cartAdds(),
                    b.cartAbandonmentRate(), b.discountShare(), b.categorySpend(), b.channelCounts()));
        }
        if (customers.size() < options.minK() * 2) {
            return Map.of("skipped", "only " + customers.size() + " paying customers; clustering needs at least "
                    + options.minK() * 2);
        }
        Map<String, Integer> previous = await(() -> deps.population().previousClusters());
        ClusteringResult result = new CustomerClustering().cluster(customers, options, (phase, percent) -> { });
        long common = previous.keySet().stream().filter(result.labels()::containsKey).count();
        // The first clustering (or one after a population turnover) has nothing to be stable against.
        Object stability = common < 2 ? Map.of("skipped", "fewer than 2 customers clustered by both runs")
                : ClusteringStability.compare(previous, result.labels());
        List<String> ids = new ArrayList<>(result.labels().size());
        List<Integer> clusters = new ArrayList<>(result.labels().size());
        List<String> names = new ArrayList<>(result.labels().size());
        result.labels().forEach((customerId, cluster) -> {
            String name = result.profiles().get(cluster).name();
            ids.add(customerId);
            clusters.add(cluster);
            names.add(name);
            Map<String, Tag> own = tags.computeIfAbsent(customerId, c -> new HashMap<>());
            own.put(Tag.Names.CLUSTER, Tag.membership(Tag.Names.CLUSTER, Integer.toString(cluster),
                    SegmentKind.CLUSTER, "cluster " + cluster + ": " + name, "nearest to the centre of cluster "
                            + cluster + " (" + name + ") of " + result.clusterCount()));
            own.put(Tag.Names.CLUSTER_NAME, Tag.attribute(Tag.Names.CLUSTER_NAME, name));
        });
        int chunk = deps.config().writeChunk();
        for (int from = 0; from < ids.size(); from += chunk) {
            int to = Math.min(ids.size(), from + chunk);
            int start = from;
            await(() -> deps.assignments().clusters(ids.subList(start, to), clusters.subList(start, to),
                    names.subList(start, to)));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("customers", result.customers());
        report.put("chosenK", result.chosenK());
        report.put("candidates", result.candidates());
        report.put("merges", result.merges());
        report.put("quality", result.quality());
        report.put("stability", stability);
        report.put("profiles", result.profiles());
        return JsonObject.mapFrom(report).getMap();
    }

    /**
     * The churn model trained on the history (label: no paid order in the next 90 days, time-based holdout), and
     * every paying customer's probability and risk level as tags {@code churn} and {@code churn:probability}.
     * Skipped, with the reason in the run, when the history cannot label enough churners and stayers.
     */
    private Map<String, Object> predictChurn(Map<String, Map<String, Tag>> tags) {
        List<PaidOrderEvent> orders = await(() -> deps.population().paidOrders(asOf));
        ChurnRunResult result;
        try {
            result = new ChurnRunner().run(ChurnHistory.of(orders, List.of(), asOf),
                    ChurnRunRequest.latest(asOf, ChurnFeatureSpec.PURCHASES_ONLY, ChurnTrainingConfig.DEFAULT,
                            ChurnRiskPolicy.DEFAULT), (phase, fraction) -> { });
        } catch (ChurnRunException e) {
            Log.infof("Segmentation run %s: churn model skipped (%s): %s", runId, e.failure(), e.getMessage());
            return Map.of("skipped", e.failure().toString() + ": " + e.getMessage());
        }
        for (ChurnScore score : result.scores()) {
            Map<String, Tag> own = tags.computeIfAbsent(score.customerId(), c -> new HashMap<>());
            own.put(Tag.Names.CHURN, Tag.membership(Tag.Names.CHURN, score.level().wireName(), SegmentKind.CHURN,
                    "churn risk " + score.level().wireName(), score.reason()));
            own.put(Tag.Names.CHURN_PROBABILITY, Tag.attribute(Tag.Names.CHURN_PROBABILITY,
                    String.format(java.util.Locale.ROOT, "%.4f", score.probability())));
        }
        int chunk = deps.config().writeChunk();
        for (int from = 0; from < result.scores().size(); from += chunk) {
            List<ChurnScore> part = result.scores().subList(from, Math.min(result.scores().size(), from + chunk));
            await(() -> deps.assignments().churn(part));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("training", result.training());
        report.put("holdout", result.holdout());
        report.put("coefficients", result.model().coefficientsByFeature());
        report.put("scored", result.scores().size());
        return JsonObject.mapFrom(report).getMap();
    }

    private static void addRfmTags(Map<String, Tag> own, NamedModel model, ScoredCustomer scored) {
        String group = scored.group().wireName();
        String reason = "R " + scored.values().recencyDays() + " days, F " + scored.values().frequency()
                + " paid orders, M " + scored.values().monetary().toPlainString() + " → " + scored.code() + " "
                + scored.group().displayName() + " under RFM model " + model.name();
        own.put(Tag.Names.rfm(model.id()), Tag.membership(Tag.Names.rfm(model.id()), group, SegmentKind.RFM,
                "RFM " + model.name() + ": " + scored.group().displayName(), reason));
        own.put(Tag.Names.rfmCode(model.id()), Tag.attribute(Tag.Names.rfmCode(model.id()), scored.code()));
        own.put(Tag.Names.rfmScores(model.id()), Tag.attribute(Tag.Names.rfmScores(model.id()),
                scored.scores().recency() + "," + scored.scores().frequency() + "," + scored.scores().monetary()));
    }

    private static void addLifecycleTags(Map<String, Tag> own, LifecycleAssessment assessment) {
        String stage = assessment.stage().wireName();
        own.put(Tag.Names.LIFECYCLE, Tag.membership(Tag.Names.LIFECYCLE, stage, SegmentKind.LIFECYCLE,
                "lifecycle: " + stage, assessment.stageReason()));
        for (LifecycleFlag flag : LifecycleFlag.values()) {
            assessment.reason(flag).ifPresent(reason -> {
                String name = Tag.Names.lifecycleFlag(flag.wireName());
                own.put(name, Tag.membership(name, "true", SegmentKind.LIFECYCLE, "lifecycle: " + flag.wireName(),
                        reason));
            });
        }
    }

    private void enter(String next, int percent) {
        finishPhase();
        phase = next;
        Log.debugf("Segmentation run %s: %s", runId, next);
        await(() -> deps.runs().progress(runId, percent, next, phaseMillis));
    }

    private void finishPhase() {
        long now = System.nanoTime();
        if (!"queued".equals(phase)) {
            phaseMillis.merge(phase, (now - phaseStarted) / 1_000_000, Long::sum);
        }
        phaseStarted = now;
    }

    private static <T> T await(Supplier<Uni<T>> step) {
        return step.get().await().indefinitely();
    }
}

package io.lodestar.segmentation.run;

import java.time.Instant;
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
import io.lodestar.segmentation.config.RunConfig;
import io.lodestar.segmentation.lifecycle.LifecycleAssessment;
import io.lodestar.segmentation.lifecycle.LifecycleClassifier;
import io.lodestar.segmentation.lifecycle.LifecycleFlag;
import io.lodestar.segmentation.rfm.RfmResult;
import io.lodestar.segmentation.rfm.RfmScorer;
import io.lodestar.segmentation.rfm.ScoredCustomer;
import io.lodestar.segmentation.rfmmodel.RfmModelService;
import io.lodestar.segmentation.rfmmodel.RfmModelService.NamedModel;
import io.lodestar.segmentation.tag.MembershipEvents;
import io.lodestar.segmentation.tag.RedisTagWriter;
import io.lodestar.segmentation.tag.Tag;
import io.lodestar.segmentation.tag.TagChange;
import io.lodestar.segmentation.tag.TagDiff;
import io.lodestar.segmentation.tag.TagRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * One full recomputation, on the runner's job thread (it waits for each database and Redis step, which is why it
 * never runs on the event loop): read the population as of the run's instant, score every RFM model, assess lifecycle
 * stages, diff the resulting tags against the stored ones, and then
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
                AssignmentRepository assignments, RedisTagWriter redis, RunConfig config, Runnable versionSwitched) {
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
            deps.redis().write(version, values, () -> { });

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

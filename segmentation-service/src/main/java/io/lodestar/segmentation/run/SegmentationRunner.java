package io.lodestar.segmentation.run;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.lodestar.segmentation.config.RunConfig;
import io.lodestar.segmentation.rfmmodel.RfmModelService;
import io.lodestar.segmentation.segment.SegmentRepository;
import io.lodestar.segmentation.segment.SegmentService;
import io.lodestar.segmentation.tag.RedisTagWriter;
import io.lodestar.segmentation.tag.SegmentTagService;
import io.lodestar.segmentation.tag.TagRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs segmentation jobs one at a time on a thread of their own, keeps their heartbeat, and fails runs of replicas
 * that stopped (so a crashed run never blocks the next one).
 */
@ApplicationScoped
public class SegmentationRunner {

    /** A run without a heartbeat for this long has lost its replica. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final RunExecution.Deps deps;
    private final RunRepository runs;
    private final ExecutorService jobThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lodestar-segmentation-run");
        thread.setDaemon(true);
        return thread;
    });
    private volatile UUID current;

    public SegmentationRunner(RunRepository runs, PopulationRepository population, RfmModelService models,
                              TagRepository tags, AssignmentRepository assignments, SegmentService segments,
                              SegmentRepository segmentQueries, RedisTagWriter redis, RunConfig config,
                              SegmentTagService readers) {
        this.runs = runs;
        this.deps = new RunExecution.Deps(runs, population, models, tags, assignments, segments, segmentQueries, redis,
                config, readers::versionChanged);
    }

    /** Starts a recorded run on the job thread. */
    void launch(UUID runId, Instant asOf) {
        current = runId;
        jobThread.execute(() -> {
            try {
                new RunExecution(runId, asOf, deps).run();
            } finally {
                current = null;
            }
        });
    }

    @Scheduled(identity = "lodestar-segmentation-heartbeat", every = "30s",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        UUID running = current;
        Uni<Void> beat = running == null ? Uni.createFrom().voidItem() : runs.beat(running);
        return beat.chain(() -> runs.failAbandoned(STALE_AFTER))
                .invoke(failed -> {
                    if (failed > 0) {
                        Log.warnf("Segmentation: %d run(s) of a stopped replica marked failed", failed);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("Segmentation heartbeat failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @PreDestroy
    void stop() {
        jobThread.shutdownNow();
    }
}

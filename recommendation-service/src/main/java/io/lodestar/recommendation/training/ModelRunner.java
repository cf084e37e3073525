package io.lodestar.recommendation.training;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.lodestar.recommendation.config.InteractionConfig;
import io.lodestar.recommendation.config.ServingConfig;
import io.lodestar.recommendation.config.TrainingConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs training on one dedicated job thread per replica (training threads are started from it), and keeps a
 * heartbeat so that a run whose replica died is failed instead of blocking every later run.
 */
@ApplicationScoped
public class ModelRunner {

    /** A run without a heartbeat for this long has lost its replica. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final TrainingExecution.Deps deps;
    private final ModelRunRepository runs;
    private final ExecutorService jobThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lodestar-model-training");
        thread.setDaemon(true);
        return thread;
    });
    private volatile UUID current;

    public ModelRunner(ModelRunRepository runs, TrainingDataRepository data, CustomerGroups groups, ModelStore store,
                       ActiveModels active, TrainingConfig training, InteractionConfig interactions,
                       ServingConfig serving, VersionActivation activation) {
        this.runs = runs;
        this.deps = new TrainingExecution.Deps(runs, data, groups, store, active, training, interactions, serving,
                activation);
    }

    /** Starts a recorded run on the job thread. */
    void launch(UUID runId) {
        current = runId;
        jobThread.execute(() -> {
            try {
                new TrainingExecution(runId, deps).run();
            } finally {
                current = null;
            }
        });
    }

    @Scheduled(identity = "lodestar-training-heartbeat", every = "30s", concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        UUID running = current;
        Uni<Void> beat = running == null ? Uni.createFrom().voidItem() : runs.beat(running);
        return beat.chain(() -> runs.failAbandoned(STALE_AFTER))
                .invoke(failed -> {
                    if (failed > 0) {
                        Log.warnf("Training: %d run(s) of a stopped replica marked failed", failed);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("Training heartbeat failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @PreDestroy
    void stop() {
        jobThread.shutdownNow();
    }
}

package io.lodestar.recommendation.evaluation;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.lodestar.recommendation.config.InteractionConfig;
import io.lodestar.recommendation.config.TrainingConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs evaluations on one dedicated job thread per replica (model training threads are started from it), and keeps a
 * heartbeat so that an evaluation whose replica died is failed instead of blocking every later one.
 */
@ApplicationScoped
public class EvaluationRunner {

    /** An evaluation without a heartbeat for this long has lost its replica. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final EvaluationExecution.Deps deps;
    private final EvaluationRepository evaluations;
    private final ExecutorService jobThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lodestar-evaluation");
        thread.setDaemon(true);
        return thread;
    });
    private volatile UUID current;

    public EvaluationRunner(EvaluationRepository evaluations, InteractionHistoryRepository history,
                            TrainingConfig training, InteractionConfig interactions) {
        this.evaluations = evaluations;
        this.deps = new EvaluationExecution.Deps(evaluations, history, training, interactions);
    }

    /** Starts a recorded evaluation on the job thread. */
    void launch(UUID id, EvaluationRequest request) {
        current = id;
        jobThread.execute(() -> {
            try {
                new EvaluationExecution(id, request, deps).run();
            } finally {
                current = null;
            }
        });
    }

    @Scheduled(identity = "lodestar-evaluation-heartbeat", every = "30s",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        UUID running = current;
        Uni<Void> beat = running == null ? Uni.createFrom().voidItem() : evaluations.beat(running);
        return beat.chain(() -> evaluations.failAbandoned(STALE_AFTER))
                .invoke(failed -> {
                    if (failed > 0) {
                        Log.warnf("Evaluation: %d evaluation(s) of a stopped replica marked failed", failed);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("Evaluation heartbeat failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @PreDestroy
    void stop() {
        jobThread.shutdownNow();
    }
}

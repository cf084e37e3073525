package io.lodestar.recommendation.training;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Starts training runs (one at a time across replicas) and reports on them. */
@ApplicationScoped
public class ModelRunService {

    static final String MANUAL = "manual";
    static final String SCHEDULED = "scheduled";

    private final ModelRunRepository runs;
    private final ModelRunner runner;

    public ModelRunService(ModelRunRepository runs, ModelRunner runner) {
        this.runs = runs;
        this.runner = runner;
    }

    /** Records and launches a run; 409 while another one is running. */
    public Uni<ModelRunView> start(String trigger) {
        UUID id = UUID.randomUUID();
        return runs.failAbandoned(ModelRunner.STALE_AFTER)
                .chain(() -> runs.start(id, trigger, Instant.now()))
                .chain(started -> {
                    if (!started) {
                        return Uni.createFrom().failure(new ConflictException(
                                "a training run is running; wait for it to finish (GET /models/runs)"));
                    }
                    runner.launch(id);
                    return get(id);
                });
    }

    /**
     * The scheduled retraining (after segmentation's nightly run, so per-segment popularity sees fresh tags). A run
     * that is already running is not an error, just no second one.
     */
    @Scheduled(identity = "lodestar-training", cron = "${lodestar.training.cron:0 30 4 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> startScheduled() {
        return start(SCHEDULED).replaceWithVoid()
                .onFailure(ConflictException.class).invoke(e -> Log.info("Scheduled training skipped: "
                        + e.getMessage()))
                .onFailure(ConflictException.class).recoverWithNull();
    }

    public Uni<ModelRunView> get(UUID id) {
        return runs.find(id).map(found -> found.orElseThrow(() -> ResourceNotFoundException.of("training run", id)));
    }

    public Uni<List<ModelRunView>> latest(int limit) {
        if (limit < 1 || limit > 100) {
            return Uni.createFrom().failure(new InvalidInputException("limit", "must be 1 to 100, was " + limit));
        }
        return runs.latest(limit);
    }
}

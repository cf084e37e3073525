package io.lodestar.segmentation.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Starts segmentation runs (by request or schedule) and reports on them. */
@ApplicationScoped
public class SegmentationRunService {

    static final String MANUAL = "manual";
    static final String SCHEDULED = "scheduled";

    private final RunRepository runs;
    private final SegmentationRunner runner;

    public SegmentationRunService(RunRepository runs, SegmentationRunner runner) {
        this.runs = runs;
        this.runner = runner;
    }

    /** Records and launches a run; 409 while another one is running. */
    public Uni<RunView> start(StartRunRequest request, String trigger) {
        Instant now = Instant.now();
        Instant asOf = request == null || request.asOf() == null ? now : request.asOf();
        if (asOf.isAfter(now.plusSeconds(60))) {
            throw new InvalidInputException("asOf", "must not be in the future");
        }
        UUID id = UUID.randomUUID();
        return runs.failAbandoned(SegmentationRunner.STALE_AFTER)
                .chain(() -> runs.start(id, trigger, asOf, now))
                .chain(started -> {
                    if (!started) {
                        return Uni.createFrom().failure(new ConflictException(
                                "a segmentation run is running; wait for it to finish (GET /segmentation/runs)"));
                    }
                    runner.launch(id, asOf);
                    return get(id);
                });
    }

    /** The scheduled start: a run that is already running is not an error, just no second one. */
    public Uni<Void> startScheduled() {
        return start(null, SCHEDULED).replaceWithVoid()
                .onFailure(ConflictException.class).invoke(e -> Log.info("Scheduled segmentation run skipped: " 
                        + e.getMessage()))
                .onFailure(ConflictException.class).recoverWithNull();
    }

    public Uni<RunView> get(UUID id) {
        return runs.find(id).map(found -> found.orElseThrow(() -> ResourceNotFoundException.of("segmentation run",
                id)));
    }

    public Uni<List<RunView>> latest(int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("limit", "must be 1 to 100, was " + limit);
        }
        return runs.latest(limit);
    }
}

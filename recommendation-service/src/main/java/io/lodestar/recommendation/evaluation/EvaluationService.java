package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;

/** Starts offline evaluations (one at a time across replicas) and reports on them. */
@ApplicationScoped
public class EvaluationService {

    private final EvaluationRepository evaluations;
    private final EvaluationRunner runner;

    public EvaluationService(EvaluationRepository evaluations, EvaluationRunner runner) {
        this.evaluations = evaluations;
        this.runner = runner;
    }

    /**
     * Records and launches an evaluation ({@code null}: every default); 409 while another one is running. testDays
     * with leave-last-out is refused rather than ignored: the caller meant something the split does not do.
     */
    public Uni<EvaluationView> start(@Valid EvaluationRequest request) {
        EvaluationRequest given = request == null ? new EvaluationRequest(null, null, null) : request;
        if (given.split() == SplitMethod.LEAVE_LAST_OUT && given.testDays() != null) {
            return Uni.createFrom().failure(new InvalidInputException("testDays",
                    "applies only to the time split, not to leave-last-out"));
        }
        EvaluationRequest filled = given.withDefaults();
        UUID id = UUID.randomUUID();
        return evaluations.failAbandoned(EvaluationRunner.STALE_AFTER)
                .chain(() -> evaluations.start(id, filled, Instant.now()))
                .chain(started -> {
                    if (!started) {
                        return Uni.createFrom().failure(new ConflictException(
                                "an evaluation is running; wait for it to finish (GET /evaluations)"));
                    }
                    runner.launch(id, filled);
                    return get(id);
                });
    }

    public Uni<EvaluationView> get(UUID id) {
        return evaluations.find(id)
                .map(found -> found.orElseThrow(() -> ResourceNotFoundException.of("evaluation", id)));
    }

    /** The latest evaluations, newest first. */
    public Uni<List<EvaluationView>> latest(int limit) {
        if (limit < 1 || limit > 100) {
            return Uni.createFrom().failure(new InvalidInputException("limit", "must be 1 to 100, was " + limit));
        }
        return evaluations.latest(limit);
    }
}

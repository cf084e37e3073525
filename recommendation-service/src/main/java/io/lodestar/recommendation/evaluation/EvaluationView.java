package io.lodestar.recommendation.evaluation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An evaluation job: its state, progress and phase timings while it runs, the table once it succeeded.
 *
 * @param request     what was evaluated, defaults filled in
 * @param phase       queued, load, split, then {@code <model>:training|recommending|scoring}, done
 * @param phaseMillis milliseconds of each finished phase: load, split, evaluate
 * @param result      the table, once succeeded; {@code null} before
 */
public record EvaluationView(UUID id, String status, EvaluationRequest request, int progress, String phase,
        Map<String, Long> phaseMillis, EvaluationResult result, String error, Instant startedAt,
        Instant finishedAt) {
}

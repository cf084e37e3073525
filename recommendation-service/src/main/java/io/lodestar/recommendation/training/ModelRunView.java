package io.lodestar.recommendation.training;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A training run: its state, progress and phase timings while it runs; once it succeeded, the model version it
 * activated and what each model reported (sizes, ALS loss per iteration, rule counts).
 */
public record ModelRunView(UUID id, String status, String trigger, Instant startedAt, Instant finishedAt,
        int progress, String phase, Map<String, Long> phaseMillis, Map<String, Object> report, String error,
        Long version) {
}

package io.lodestar.segmentation.run;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A segmentation run: its state, progress and phase timings while it runs; the distribution of every membership
 * tag and the transitions from the previous run (who moved from which value to which) once it succeeded; what the
 * clustering (chosen k, silhouette per k, quality, stability, cluster profiles and names) and the churn model
 * (holdout AUC) reported, or why they were skipped.
 */
public record RunView(UUID id, String status, String trigger, Instant asOf, Instant startedAt, Instant finishedAt,
        int progress, String phase, Map<String, Long> phaseMillis, String error,
        Map<String, Map<String, Integer>> distribution, Map<String, Map<String, Integer>> transitions,
        Long tagsVersion, Integer customers, Map<String, Object> clustering, Map<String, Object> churn) {
}

package io.lodestar.segmentation.alert;

import java.time.Instant;

/**
 * One rule judged on one window.
 *
 * @param action  {@code raised}, {@code ongoing} (still out of range, the open alert updated), {@code recovering}
 *                (normal, not yet for resolveAfterHours), {@code resolved}, {@code none}, or
 *                {@code already_evaluated} (this hour was judged before: nothing changed, verdict null)
 * @param alertId the alert raised, updated or resolved, if any
 */
public record EvaluationView(String ruleId, Instant windowStart, Instant windowEnd, Verdict verdict, String action,
        String alertId) {
}

package io.lodestar.segmentation.alert;

import java.time.Instant;

import io.lodestar.contracts.alert.Severity;

/**
 * An alert (an incident of one rule on one dimension). {@code observed}/{@code expected} and the window are those of
 * the evaluation that raised it, {@code last*} those of the latest evaluation while it was open; {@code startedAt} is
 * the start of the raising window, {@code resolvedAt} the end of the window that resolved it.
 */
public record AlertView(String alertId, String ruleId, String metric, String dimension, Severity severity,
        String status, String message, double observed, double expected, Instant windowStart, Instant windowEnd,
        double lastObserved, double lastExpected, Instant lastWindowEnd, int normalHours, Instant startedAt,
        Instant resolvedAt) {

    static final String OPEN = "open";
    static final String RESOLVED = "resolved";
}

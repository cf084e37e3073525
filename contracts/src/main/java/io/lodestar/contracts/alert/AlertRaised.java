package io.lodestar.contracts.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/**
 * A monitored metric left its expected range over a time window.
 *
 * @param alertId   stable id; the matching {@link AlertResolved} carries the same one
 * @param metric    what was measured, e.g. {@code orders.paid.count}
 * @param dimension the slice it was measured on, if any, e.g. {@code channel=live_stream}
 * @param observed  the value seen in the window
 * @param expected  the value the baseline predicted
 * @param message   a sentence an operator can act on
 */
public record AlertRaised(
        @JsonProperty(required = true) String alertId,
        @JsonProperty(required = true) String metric,
        String dimension,
        @JsonProperty(required = true) double observed,
        @JsonProperty(required = true) double expected,
        @JsonProperty(required = true) Severity severity,
        @JsonProperty(required = true) String message,
        @JsonProperty(required = true) Instant windowStart,
        @JsonProperty(required = true) Instant windowEnd) {

    public AlertRaised {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
    }
}

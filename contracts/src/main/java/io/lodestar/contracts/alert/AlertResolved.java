package io.lodestar.contracts.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/** A raised alert's metric is back in range. {@code alertId} is the one of the {@link AlertRaised}. */
public record AlertResolved(
        @JsonProperty(required = true) String alertId,
        @JsonProperty(required = true) String metric,
        String message,
        @JsonProperty(required = true) Instant resolvedAt) {

    public AlertResolved {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }
}

package io.lodestar.contracts.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How urgently an alert needs a person. */
public enum Severity {
    @JsonProperty("info") INFO,
    @JsonProperty("warning") WARNING,
    @JsonProperty("critical") CRITICAL
}

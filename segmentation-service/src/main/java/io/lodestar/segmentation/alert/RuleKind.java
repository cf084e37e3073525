package io.lodestar.segmentation.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A static threshold ({@link ThresholdRule}) or a seasonal baseline ({@link SeasonalBaseline}). */
public enum RuleKind {
    @JsonProperty("threshold") THRESHOLD,
    @JsonProperty("seasonal") SEASONAL
}

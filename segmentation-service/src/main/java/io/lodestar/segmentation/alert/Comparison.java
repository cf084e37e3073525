package io.lodestar.segmentation.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which side of the expected value is an anomaly. {@code outside} (either side) is for seasonal rules only. */
public enum Comparison {
    @JsonProperty("above") ABOVE,
    @JsonProperty("below") BELOW,
    @JsonProperty("outside") OUTSIDE
}

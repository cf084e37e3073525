package io.lodestar.contracts.customer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Gender as the customer declared it; {@code unknown} when not given. */
public enum Gender {
    @JsonProperty("female") FEMALE,
    @JsonProperty("male") MALE,
    @JsonProperty("unknown") UNKNOWN
}

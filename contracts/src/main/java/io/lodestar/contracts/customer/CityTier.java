package io.lodestar.contracts.customer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The usual tiering of Chinese cities by size and spending power, a common targeting dimension. */
public enum CityTier {
    @JsonProperty("tier-1") TIER_1,
    @JsonProperty("new-tier-1") NEW_TIER_1,
    @JsonProperty("tier-2") TIER_2,
    @JsonProperty("tier-3-and-below") TIER_3_AND_BELOW
}

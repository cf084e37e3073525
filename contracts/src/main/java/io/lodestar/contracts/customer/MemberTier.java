package io.lodestar.contracts.customer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Membership level in the loyalty programme. */
public enum MemberTier {
    @JsonProperty("normal") NORMAL,
    @JsonProperty("silver") SILVER,
    @JsonProperty("gold") GOLD
}

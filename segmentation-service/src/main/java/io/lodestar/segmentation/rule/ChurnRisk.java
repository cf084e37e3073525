package io.lodestar.segmentation.rule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The churn early-warning level of a customer, as {@code customer_assignment.churn_risk} records it. */
public enum ChurnRisk {
    @JsonProperty("low") LOW,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("high") HIGH
}

package io.lodestar.segmentation.rule;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a customer stands in the buying lifecycle, as {@code customer_assignment.lifecycle_stage} records it. */
public enum LifecycleStage {
    @JsonProperty("new") NEW,
    @JsonProperty("active") ACTIVE,
    @JsonProperty("at_risk") AT_RISK,
    @JsonProperty("lapsed") LAPSED,
    @JsonProperty("won_back") WON_BACK
}

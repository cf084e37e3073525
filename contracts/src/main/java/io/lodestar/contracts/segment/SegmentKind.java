package io.lodestar.contracts.segment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a segment's members are decided. */
public enum SegmentKind {
    /** An RFM class (threshold or quantile scheme). */
    @JsonProperty("rfm") RFM,
    /** A K-means cluster. */
    @JsonProperty("cluster") CLUSTER,
    /** A rule segment: a condition tree over profile and behaviour. */
    @JsonProperty("rule") RULE,
    /** A lifecycle stage (new, active, dormant…). */
    @JsonProperty("lifecycle") LIFECYCLE,
    /** A churn early-warning group. */
    @JsonProperty("churn") CHURN
}

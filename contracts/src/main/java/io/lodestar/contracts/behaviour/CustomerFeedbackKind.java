package io.lodestar.contracts.behaviour;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a customer told us: a Net Promoter score (0–10), a satisfaction score (1–5), or a complaint. */
public enum CustomerFeedbackKind {
    @JsonProperty("nps") NPS,
    @JsonProperty("csat") CSAT,
    @JsonProperty("complaint") COMPLAINT
}

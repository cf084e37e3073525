package io.lodestar.segmentation.churn;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A churn probability in three bands, for tags and journeys; {@link ChurnRiskPolicy} holds the cut points. */
public enum ChurnRiskLevel {
    @JsonProperty("low") LOW("low"),
    @JsonProperty("medium") MEDIUM("medium"),
    @JsonProperty("high") HIGH("high");

    private final String wireName;

    ChurnRiskLevel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

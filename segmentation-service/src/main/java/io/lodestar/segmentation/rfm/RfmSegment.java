package io.lodestar.segmentation.rfm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 11 named segments of the quintile scheme; {@link SegmentTable} says which (R, FM) scores fall into which. */
public enum RfmSegment implements RfmGroup {
    @JsonProperty("champions") CHAMPIONS("champions", "Champions"),
    @JsonProperty("loyal") LOYAL("loyal", "Loyal"),
    @JsonProperty("potential-loyalist") POTENTIAL_LOYALIST("potential-loyalist", "Potential Loyalist"),
    @JsonProperty("new") NEW("new", "New"),
    @JsonProperty("promising") PROMISING("promising", "Promising"),
    @JsonProperty("need-attention") NEED_ATTENTION("need-attention", "Need Attention"),
    @JsonProperty("about-to-sleep") ABOUT_TO_SLEEP("about-to-sleep", "About to Sleep"),
    @JsonProperty("at-risk") AT_RISK("at-risk", "At Risk"),
    @JsonProperty("cant-lose-them") CANT_LOSE_THEM("cant-lose-them", "Can't Lose Them"),
    @JsonProperty("hibernating") HIBERNATING("hibernating", "Hibernating"),
    @JsonProperty("lost") LOST("lost", "Lost");

    private final String wireName;
    private final String displayName;

    RfmSegment(String wireName, String displayName) {
        this.wireName = wireName;
        this.displayName = displayName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}

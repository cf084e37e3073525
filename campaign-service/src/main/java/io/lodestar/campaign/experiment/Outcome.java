package io.lodestar.campaign.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an experiment's data supports. "No significant winner" is an outcome in its own right so that a dashboard
 * can never present the best-looking arm of an inconclusive test as a result.
 */
public enum Outcome {

    /** The best variant beats the baseline at the corrected significance level. */
    WINNER("winner"),
    /** Every group has enough data, and no variant is both better and significant. */
    NO_SIGNIFICANT_WINNER("no_significant_winner"),
    /** At least one group has fewer trials than required; no conclusion is drawn yet. */
    INSUFFICIENT_DATA("insufficient_data"),
    /** There is no control group and fewer than two variants, so there is nothing to compare. */
    NO_CONTROL("no_control");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    /** The snake_case name used in JSON, stable even if the constant is renamed. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * The outcome with this wire name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    @JsonCreator
    public static Outcome fromWireName(String wireName) {
        for (Outcome outcome : values()) {
            if (outcome.wireName.equals(wireName)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + wireName + "'");
    }
}

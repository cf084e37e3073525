package io.lodestar.segmentation.alert;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a rule says about one window.
 *
 * @param expected the threshold, or the seasonal baseline (median of the same window in past weeks); null without one
 * @param lower    the lowest normal value (null when there is no lower limit)
 * @param upper    the highest normal value (null when there is no upper limit)
 */
public record Verdict(Outcome outcome, double observed, Double expected, Double lower, Double upper,
        String explanation) {

    public enum Outcome {
        /** Out of range: raises an alert, or keeps one open. */
        @JsonProperty("anomalous") ANOMALOUS,
        /** In range: counts towards resolving an open alert. */
        @JsonProperty("normal") NORMAL,
        /** Below the minimum volume: nobody is paged, an open alert stays as it is. */
        @JsonProperty("quiet") QUIET,
        /** Too few past weeks with data for a baseline: nothing is decided. */
        @JsonProperty("insufficient_baseline") INSUFFICIENT_BASELINE
    }

    static Verdict judged(boolean anomalous, double observed, double expected, Double lower, Double upper,
                          String explanation) {
        return new Verdict(anomalous ? Outcome.ANOMALOUS : Outcome.NORMAL, observed, expected, lower, upper,
                explanation);
    }
}

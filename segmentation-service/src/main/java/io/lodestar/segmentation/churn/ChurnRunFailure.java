package io.lodestar.segmentation.churn;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a churn run could not produce a model or scores from the data it was given; the job reports it as its error code. */
public enum ChurnRunFailure {
    /** A label window (cutoff, cutoff + horizon] ends after the history does, so "no order" could mean "not seen yet". */
    @JsonProperty("labels_not_observed") LABELS_NOT_OBSERVED,
    /** The scoring instant is after the end of the history, so recency would count days the data do not cover. */
    @JsonProperty("scoring_after_history_end") SCORING_AFTER_HISTORY_END,
    /** Nobody has a paid order before a cutoff. */
    @JsonProperty("no_customers") NO_CUSTOMERS,
    /** Fewer churned customers than the configured minimum in the training or holdout set. */
    @JsonProperty("too_few_positives") TOO_FEW_POSITIVES,
    /** Fewer retained customers than the configured minimum in the training or holdout set. */
    @JsonProperty("too_few_negatives") TOO_FEW_NEGATIVES,
    /** The optimiser failed or produced non-finite coefficients. */
    @JsonProperty("training_failed") TRAINING_FAILED
}

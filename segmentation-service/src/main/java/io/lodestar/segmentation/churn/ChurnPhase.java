package io.lodestar.segmentation.churn;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The phases of a churn run, in the order they run; a job resource reports progress per phase. */
public enum ChurnPhase {
    /** Features and labels of the training and holdout cutoffs. */
    @JsonProperty("features") FEATURES,
    /** Fitting the classifier on the training cutoff. */
    @JsonProperty("training") TRAINING,
    /** AUC, base rate, precision and recall on the holdout cutoff (and in-sample on the training one). */
    @JsonProperty("evaluation") EVALUATION,
    /** Features as of the scoring instant and a probability per customer. */
    @JsonProperty("scoring") SCORING
}

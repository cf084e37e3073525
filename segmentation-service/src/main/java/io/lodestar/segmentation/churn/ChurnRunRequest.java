package io.lodestar.segmentation.churn;

import java.time.Instant;

import io.lodestar.segmentation.lifecycle.WholeDays;

/**
 * What one churn run does: train on the cutoff {@code T1}, evaluate on the later cutoff {@code T2} (a time-based holdout:
 * the model is judged on customers and weeks it has not seen labels for), then score everybody as of {@code scoringAsOf}.
 *
 * <p>{@code T2} must be at least one horizon after {@code T1}: the training labels read orders in {@code (T1, T1 + h]},
 * the holdout labels orders in {@code (T2, T2 + h]}, and those windows must not overlap, or the model would have been
 * trained on the very orders the holdout asks it to predict. Checks against the data (both label windows observed,
 * scoring within the history) happen when the run starts, as {@link ChurnRunException}s.
 *
 * @param trainingCutoff {@code T1}
 * @param holdoutCutoff  {@code T2 ≥ T1 + training.horizonDays()}
 * @param scoringAsOf    the instant the population is scored at, usually the end of the history
 */
public record ChurnRunRequest(Instant trainingCutoff, Instant holdoutCutoff, Instant scoringAsOf,
        ChurnFeatureSpec features, ChurnTrainingConfig training, ChurnRiskPolicy risk) {

    public ChurnRunRequest {
        required("trainingCutoff", trainingCutoff);
        required("holdoutCutoff", holdoutCutoff);
        required("scoringAsOf", scoringAsOf);
        required("features", features);
        required("training", training);
        required("risk", risk);
        Instant earliestHoldout = WholeDays.after(trainingCutoff, training.horizonDays());
        if (holdoutCutoff.isBefore(earliestHoldout)) {
            throw new InvalidChurnConfigException("holdoutCutoff", "must be at least " + training.horizonDays()
                    + " days (the label horizon) after trainingCutoff " + trainingCutoff + ", i.e. at or after "
                    + earliestHoldout + ", so that the training labels never read the holdout's orders; was "
                    + holdoutCutoff);
        }
    }

    /** Default features, training and risk settings, and the holdout one horizon (90 days) after the training cutoff. */
    public static ChurnRunRequest withDefaults(Instant trainingCutoff, Instant scoringAsOf) {
        required("trainingCutoff", trainingCutoff);
        ChurnTrainingConfig training = ChurnTrainingConfig.DEFAULT;
        return new ChurnRunRequest(trainingCutoff, WholeDays.after(trainingCutoff, training.horizonDays()), scoringAsOf,
                ChurnFeatureSpec.PURCHASES_ONLY, training, ChurnRiskPolicy.DEFAULT);
    }

    /**
     * The latest cutoffs the history can label: holdout one horizon before {@code historyEnd}, training one horizon
     * before that, scoring as of {@code historyEnd}.
     */
    public static ChurnRunRequest latest(Instant historyEnd, ChurnFeatureSpec features, ChurnTrainingConfig training,
            ChurnRiskPolicy risk) {
        required("historyEnd", historyEnd);
        required("training", training);
        Instant holdout = WholeDays.after(historyEnd, -training.horizonDays());
        return new ChurnRunRequest(WholeDays.after(holdout, -training.horizonDays()), holdout, historyEnd, features,
                training, risk);
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new InvalidChurnConfigException(field, "must be given");
        }
    }
}

package io.lodestar.segmentation.churn;

import java.time.Instant;
import java.util.Objects;

/**
 * Features as of a cutoff {@code T} and the label of each customer: 1 (churned) when the customer has no paid order in
 * {@code (T, T + horizonDays]}, else 0. An order exactly at {@code T} is a feature (it is at or before the cutoff), an
 * order exactly at {@code T + horizonDays} is a return within the horizon: the windows meet without a gap or an overlap,
 * the same way the lifecycle rule calls a customer at risk on the day the last order turns 90 days old.
 */
public final class ChurnTrainingSet {

    private final FeatureMatrix features;
    private final int[] labels;
    private final int horizonDays;
    private final int positives;

    ChurnTrainingSet(FeatureMatrix features, int[] labels, int horizonDays) {
        this.features = Objects.requireNonNull(features, "features");
        if (labels.length != features.size()) {
            throw new IllegalArgumentException(labels.length + " labels for " + features.size() + " rows");
        }
        int churned = 0;
        for (int label : labels) {
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("labels are 0 or 1, was " + label);
            }
            churned += label;
        }
        this.labels = labels;
        this.horizonDays = horizonDays;
        this.positives = churned;
    }

    public FeatureMatrix features() {
        return features;
    }

    public Instant cutoff() {
        return features.asOf();
    }

    public int horizonDays() {
        return horizonDays;
    }

    public int size() {
        return labels.length;
    }

    /** 1 when the customer of row {@code index} churned, else 0. */
    public int label(int index) {
        return labels[index];
    }

    /** The labels in row order, a copy. */
    public int[] labels() {
        return labels.clone();
    }

    /** Churned customers. */
    public int positives() {
        return positives;
    }

    /** Retained customers. */
    public int negatives() {
        return labels.length - positives;
    }

    /** Share of churned customers, 0 for an empty set. */
    public double baseRate() {
        return labels.length == 0 ? 0 : (double) positives / labels.length;
    }

    int[] labelsUnsafe() {
        return labels;
    }

    /**
     * @throws ChurnRunException when either class has fewer than {@code minPerClass} customers
     */
    void requireClasses(int minPerClass, ChurnPhase phase, String which) {
        if (size() == 0) {
            throw new ChurnRunException(ChurnRunFailure.NO_CUSTOMERS, phase, "the " + which + " set at cutoff " + cutoff()
                    + " is empty: no customer has a paid order at or before it");
        }
        if (positives < minPerClass) {
            throw new ChurnRunException(ChurnRunFailure.TOO_FEW_POSITIVES, phase, "the " + which + " set at cutoff "
                    + cutoff() + " has " + positives + " churned customers (no paid order in the following " + horizonDays
                    + " days) among " + size() + "; at least " + minPerClass + " are needed");
        }
        if (negatives() < minPerClass) {
            throw new ChurnRunException(ChurnRunFailure.TOO_FEW_NEGATIVES, phase, "the " + which + " set at cutoff "
                    + cutoff() + " has " + negatives() + " retained customers (a paid order in the following " + horizonDays
                    + " days) among " + size() + "; at least " + minPerClass + " are needed");
        }
    }
}

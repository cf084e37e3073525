package io.lodestar.segmentation.churn;

import java.time.Instant;
import java.util.Objects;

/**
 * How well a model ranks and classifies the customers of one labelled cutoff.
 *
 * @param cutoff            the cutoff of the evaluated set
 * @param customers         customers in the set
 * @param positives         churned customers among them
 * @param baseRate          positives ÷ customers: the precision of flagging everybody, which a model must beat
 * @param auc               rank-based AUC ({@link RankAuc}) of the churn probabilities
 * @param decisionThreshold probability from which a customer is predicted to churn
 * @param truePositives     predicted churned and churned
 * @param falsePositives    predicted churned but retained
 * @param falseNegatives    predicted retained but churned
 * @param trueNegatives     predicted retained and retained
 * @param precision         truePositives ÷ predicted churned; 0 when nobody is predicted churned (as scikit-learn's
 *                          {@code zero_division=0}; {@code truePositives + falsePositives} tells the case apart)
 * @param recall            truePositives ÷ positives
 */
public record ChurnEvaluation(Instant cutoff, int customers, int positives, double baseRate, double auc,
        double decisionThreshold, int truePositives, int falsePositives, int falseNegatives, int trueNegatives,
        double precision, double recall) {

    public ChurnEvaluation {
        Objects.requireNonNull(cutoff, "cutoff");
        if (truePositives + falsePositives + falseNegatives + trueNegatives != customers
                || truePositives + falseNegatives != positives) {
            throw new IllegalArgumentException("the confusion counts do not add up to " + customers + " customers and "
                    + positives + " positives");
        }
    }

    /**
     * Scores every row of {@code set} with {@code model} and compares with the labels.
     *
     * @throws IllegalArgumentException when the set lacks a class (the AUC is undefined) or was built with another spec
     */
    public static ChurnEvaluation of(ChurnModel model, ChurnTrainingSet set, double decisionThreshold) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(set, "set");
        if (!set.features().spec().equals(model.features())) {
            throw new IllegalArgumentException("the set was built with " + set.features().spec() + " but the model with "
                    + model.features());
        }
        double[][] rows = set.features().rowsUnsafe();
        double[] probabilities = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            probabilities[i] = model.probability(rows[i]);
        }
        return of(set.cutoff(), probabilities, set.labelsUnsafe(), decisionThreshold);
    }

    /** The evaluation of given probabilities against labels (1 churned, 0 retained). */
    public static ChurnEvaluation of(Instant cutoff, double[] probabilities, int[] labels, double decisionThreshold) {
        if (!(decisionThreshold > 0 && decisionThreshold <= 1)) {
            throw new IllegalArgumentException("decisionThreshold must be in (0, 1], was " + decisionThreshold);
        }
        double auc = RankAuc.of(probabilities, labels); // also checks lengths, labels and finiteness
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean predicted = probabilities[i] >= decisionThreshold;
            if (labels[i] == 1) {
                if (predicted) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }
        int positives = tp + fn;
        return new ChurnEvaluation(cutoff, labels.length, positives, (double) positives / labels.length, auc,
                decisionThreshold, tp, fp, fn, tn, tp + fp == 0 ? 0 : (double) tp / (tp + fp), (double) tp / positives);
    }
}

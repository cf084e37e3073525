package io.lodestar.segmentation.churn;

import java.util.Arrays;
import java.util.Objects;

/**
 * The area under the ROC curve computed from ranks (the Mann–Whitney U statistic): the probability that a randomly
 * chosen positive scores higher than a randomly chosen negative, a tie counting one half. Equal to {@code (R₁ − n₁(n₁ +
 * 1)/2) / (n₁ · n₀)} with {@code R₁} the sum of the positives' mid-ranks; computed here by sorting each class once and
 * counting, for each positive, the negatives below it and those tied with it. O(n log n), primitive arrays only.
 *
 * <p>1 is a perfect ranking, 0 a perfectly reversed one, 0.5 what constant or random scores give.
 */
public final class RankAuc {

    private RankAuc() {
    }

    /**
     * @param scores higher means more likely positive; finite
     * @param labels 1 for a positive (churned), 0 for a negative, one per score
     * @throws IllegalArgumentException when the lengths differ, a score is not finite, a label is not 0 or 1, or a class is
     *                                  missing (the AUC is undefined)
     */
    public static double of(double[] scores, int[] labels) {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(labels, "labels");
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
        int positives = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels are 0 or 1, labels[" + i + "] was " + labels[i]);
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores must be finite, scores[" + i + "] was " + scores[i]);
            }
            positives += labels[i];
        }
        int negatives = labels.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("the AUC needs positives and negatives; there are " + positives
                    + " positives and " + negatives + " negatives");
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        for (int i = 0, p = 0, n = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                pos[p++] = scores[i];
            } else {
                neg[n++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        // For ascending positives, the negatives strictly below and those at most equal only move forward.
        long below = 0;
        long tiedOrBelow = 0;
        long halfUnits = 0; // 2·U, counted in halves so that ties add whole numbers; at most 2·n₁·n₀
        for (double score : pos) {
            while (below < negatives && neg[(int) below] < score) {
                below++;
            }
            if (tiedOrBelow < below) {
                tiedOrBelow = below;
            }
            while (tiedOrBelow < negatives && neg[(int) tiedOrBelow] <= score) {
                tiedOrBelow++;
            }
            halfUnits += below + tiedOrBelow; // 2 · (below + ties / 2)
        }
        return halfUnits / (2.0 * positives * negatives);
    }
}

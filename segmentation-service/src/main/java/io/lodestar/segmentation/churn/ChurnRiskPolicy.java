package io.lodestar.segmentation.churn;

/**
 * How probabilities become decisions: the threshold at which a customer is predicted to churn (for precision and recall)
 * and the cut points of the risk levels. A probability {@code p} is {@code high} when {@code p ≥ highFrom}, {@code medium}
 * when {@code mediumFrom ≤ p < highFrom}, else {@code low}; it is predicted churned when {@code p ≥ decisionThreshold}.
 *
 * @param decisionThreshold in (0, 1]
 * @param mediumFrom        in (0, 1), below {@code highFrom}
 * @param highFrom          in (0, 1]
 */
public record ChurnRiskPolicy(double decisionThreshold, double mediumFrom, double highFrom) {

    /** Predicted churn from 0.5; medium from 0.3, high from 0.6. */
    public static final ChurnRiskPolicy DEFAULT = new ChurnRiskPolicy(0.5, 0.3, 0.6);

    public ChurnRiskPolicy {
        if (!(decisionThreshold > 0 && decisionThreshold <= 1)) {
            throw new InvalidChurnConfigException("risk.decisionThreshold", "must be in (0, 1], was " + decisionThreshold);
        }
        if (!(mediumFrom > 0 && mediumFrom < 1)) {
            throw new InvalidChurnConfigException("risk.mediumFrom", "must be in (0, 1), was " + mediumFrom);
        }
        if (!(highFrom > mediumFrom && highFrom <= 1)) {
            throw new InvalidChurnConfigException("risk.highFrom", "must be above mediumFrom (" + mediumFrom
                    + ") and at most 1, was " + highFrom);
        }
    }

    public ChurnRiskLevel level(double probability) {
        requireProbability(probability);
        if (probability >= highFrom) {
            return ChurnRiskLevel.HIGH;
        }
        return probability >= mediumFrom ? ChurnRiskLevel.MEDIUM : ChurnRiskLevel.LOW;
    }

    public boolean predictsChurn(double probability) {
        requireProbability(probability);
        return probability >= decisionThreshold;
    }

    /** The lower cut of a level: 0 for low. */
    public double lowerCut(ChurnRiskLevel level) {
        switch (level) {
            case HIGH:
                return highFrom;
            case MEDIUM:
                return mediumFrom;
            default:
                return 0;
        }
    }

    private static void requireProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("a probability is in [0, 1], was " + probability);
        }
    }
}

package io.lodestar.recommendation.association;

/**
 * What {@link AssociationRuleMiner} keeps.
 *
 * @param minSupport    minimum share of baskets that contain all of a rule's items, 0 &lt; s ≤ 1
 * @param minConfidence minimum share of the baskets with the antecedent that also hold the consequent, in [0, 1]
 * @param minLift       minimum lift (1 = independent), ≥ 0; below 1 the antecedent makes the consequent less likely
 * @param maxLength     most items in a rule, antecedent and consequent together, 2 … {@value #MAX_LENGTH}: an item set
 *                      of k items yields 2^k − 2 candidate rules, and long rules rarely fire for a real basket anyway
 */
public record RuleParameters(double minSupport, double minConfidence, double minLift, int maxLength) {

    public static final int MAX_LENGTH = 16;

    public RuleParameters {
        if (!(minSupport > 0 && minSupport <= 1)) {
            throw new IllegalArgumentException("minSupport must be a fraction in (0, 1], was " + minSupport);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1], was " + minConfidence);
        }
        if (!(minLift >= 0) || Double.isInfinite(minLift)) {
            throw new IllegalArgumentException("minLift must be a finite number >= 0, was " + minLift);
        }
        if (maxLength < 2 || maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be in [2, " + MAX_LENGTH + "], was " + maxLength);
        }
    }
}

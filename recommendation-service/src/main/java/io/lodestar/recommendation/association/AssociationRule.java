package io.lodestar.recommendation.association;

import java.util.Arrays;

/**
 * "Baskets with {@code antecedent} also hold {@code consequent}". Items are indices of the training run's item
 * dictionary, increasing within each side; the sides are disjoint and non-empty.
 *
 * @param antecedent  the items that trigger the rule
 * @param consequent  the items it predicts
 * @param support     share of all baskets holding every item of both sides
 * @param confidence  support of both sides / support of the antecedent
 * @param lift        confidence / support of the consequent (above 1: bought together more often than by chance)
 * @param basketCount number of baskets holding every item of both sides
 */
public record AssociationRule(int[] antecedent, int[] consequent, double support, double confidence, double lift,
        int basketCount) {

    public AssociationRule {
        antecedent = antecedent.clone();
        consequent = consequent.clone();
    }

    @Override
    public int[] antecedent() {
        return antecedent.clone();
    }

    @Override
    public int[] consequent() {
        return consequent.clone();
    }

    /** Items on both sides. */
    public int length() {
        return antecedent.length + consequent.length;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AssociationRule)) {
            return false;
        }
        AssociationRule rule = (AssociationRule) other;
        return Arrays.equals(antecedent, rule.antecedent) && Arrays.equals(consequent, rule.consequent)
                && Double.compare(support, rule.support) == 0 && Double.compare(confidence, rule.confidence) == 0
                && Double.compare(lift, rule.lift) == 0 && basketCount == rule.basketCount;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(antecedent) + Arrays.hashCode(consequent);
    }

    @Override
    public String toString() {
        return Arrays.toString(antecedent) + " => " + Arrays.toString(consequent) + String.format(
                " (support %.4f, confidence %.3f, lift %.2f, %d baskets)", support, confidence, lift, basketCount);
    }
}

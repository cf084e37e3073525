package io.lodestar.recommendation.sequence;

/**
 * "Customers who bought {@code antecedent} bought {@code consequent} within the gap".
 *
 * @param antecedent              item A (index in the training dictionary)
 * @param consequent              item B, never A
 * @param customersWithAntecedent customers who bought A at least once
 * @param customersWithSequence   customers who bought A and later B within the gap (each counted once)
 * @param support                 {@code customersWithSequence} / all customers
 * @param confidence              {@code customersWithSequence} / {@code customersWithAntecedent}
 * @param lift                    confidence / (share of all customers who bought B): above 1, A makes B more likely
 * @param medianDaysBetween       median, over those customers, of the days from their first A that was followed by a
 *                                B within the gap to the first such B
 */
public record SequentialRule(int antecedent, int consequent, int customersWithAntecedent, int customersWithSequence,
        double support, double confidence, double lift, double medianDaysBetween) {
}

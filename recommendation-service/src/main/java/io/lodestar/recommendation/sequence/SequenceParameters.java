package io.lodestar.recommendation.sequence;

import java.time.Duration;

/**
 * What {@link SequentialRuleMiner} keeps.
 *
 * @param maxGap        B must follow A by more than zero and at most this long (inclusive: exactly {@code maxGap}
 *                      counts); purchases at the same instant are one order, which association rules cover
 * @param minCustomers  at least this many customers must have bought A and then B within the gap
 * @param minConfidence minimum share of A's customers who went on to buy B, in [0, 1]
 * @param minLift       minimum lift (1 = B is no more likely after A than among all customers), ≥ 0
 */
public record SequenceParameters(Duration maxGap, int minCustomers, double minConfidence, double minLift) {

    public SequenceParameters {
        if (maxGap == null || maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("maxGap must be a positive duration, was " + maxGap);
        }
        if (minCustomers < 1) {
            throw new IllegalArgumentException("minCustomers must be at least 1, was " + minCustomers);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1], was " + minConfidence);
        }
        if (!(minLift >= 0) || Double.isInfinite(minLift)) {
            throw new IllegalArgumentException("minLift must be a finite number >= 0, was " + minLift);
        }
    }
}

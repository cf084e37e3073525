package io.lodestar.segmentation.rfm;

import java.util.List;
import java.util.Optional;

/**
 * Scores a population under the {@link QuintileScheme}. Per dimension the scored customers are ranked by value with ties
 * broken by ascending customerId (a stable sort of the customerId order), and the rank's {@link Quintiles quintile} is
 * the score; recency is ranked by ascending days and its quintile reversed, so the most recent fifth scores 5 (pandas:
 * {@code labels=[5, 4, 3, 2, 1]}). Then {@link SegmentTable} names the segment. O(n log n): three index sorts.
 *
 * <p>Because ties are broken rather than shared, every quintile holds a fifth of the population even when most customers
 * have the same value (one order, say), and customers with equal values can land in adjacent quintiles; that is the
 * documented price of equal-sized quintiles, and the customerId rule keeps it reproducible whatever the input order.
 */
final class QuintileScoring {

    private QuintileScoring() {
    }

    static RfmResult score(ScoringPopulation population) {
        int size = population.size();
        byte[] recency = new byte[size];
        byte[] frequency = new byte[size];
        byte[] monetary = new byte[size];
        assignQuintiles(population, (a, b) -> Long.compare(population.values(a).recencyDays(),
                population.values(b).recencyDays()), recency, true);
        assignQuintiles(population, (a, b) -> Integer.compare(population.values(a).frequency(),
                population.values(b).frequency()), frequency, false);
        assignQuintiles(population, (a, b) -> population.values(a).monetary().compareTo(population.values(b).monetary()),
                monetary, false);

        RfmSegment[] segments = RfmSegment.values();
        int[] perSegment = new int[segments.length];
        ScoredCustomer[] scored = new ScoredCustomer[size];
        for (int k = 0; k < size; k++) {
            RfmScores scores = RfmScores.of(recency[k], frequency[k], monetary[k]);
            RfmSegment segment = SegmentTable.segmentOf(scores);
            perSegment[segment.ordinal()]++;
            scored[k] = new ScoredCustomer(population.customerId(k), population.values(k), scores, segment, scores.code());
        }
        return new RfmResult(List.of(scored), population.unscored(), RfmDistribution.of(segments, perSegment),
                Optional.empty());
    }

    private static void assignQuintiles(ScoringPopulation population, IndexSort.IndexOrder ascendingValue, byte[] into,
            boolean reversed) {
        int[] ranked = population.inCustomerIdOrder();
        IndexSort.sort(ranked, ascendingValue);
        for (int position = 0; position < ranked.length; position++) {
            int quintile = Quintiles.ofRank(position + 1L, ranked.length);
            into[ranked[position]] = (byte) (reversed ? Quintiles.COUNT + 1 - quintile : quintile);
        }
    }
}

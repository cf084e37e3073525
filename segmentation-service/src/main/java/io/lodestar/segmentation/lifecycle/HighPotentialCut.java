package io.lodestar.segmentation.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The first-order value from which a customer counts as high potential, computed over a population as of an instant.
 *
 * <p>Among the {@code n} customers who have paid by {@code asOf}, sort the first order values from the highest: the cut is
 * the value at position {@code k = ⌈n · topPercent / 100⌉} (so at least one buyer when there is any). A customer is high
 * potential when its first order value is at least the cut. Equal values always get the same flag, so when a tie
 * straddles the cut every tied customer is in and more than {@code topPercent} % may be flagged: with 10 buyers of values
 * 90, 80, 80, 70… the top decile is {@code k = 1} and the cut 90; with 80, 80, 70… the cut is 80 and two are flagged; a
 * population of one flags its only buyer, and one where every first order is the same flags everyone. The population
 * should be the whole buying population of the run, not the changed customers, or the cut drifts with the batch.
 *
 * @param cut        the lowest first order value flagged; empty when nobody has paid
 * @param buyers     customers with a paid order by {@code asOf}, the population the cut was computed over
 * @param topPercent the configured share, kept for the reason text
 */
public record HighPotentialCut(Optional<BigDecimal> cut, int buyers, int topPercent) {

    public HighPotentialCut {
        Objects.requireNonNull(cut, "cut");
        if (buyers < 0) {
            throw new IllegalArgumentException("buyers must not be negative, was " + buyers);
        }
        if (cut.isPresent() != (buyers > 0)) {
            throw new IllegalArgumentException("a cut exists exactly when there are buyers; buyers=" + buyers);
        }
        if (topPercent < 1 || topPercent > 100) {
            throw new IllegalArgumentException("topPercent must be 1 to 100, was " + topPercent);
        }
    }

    /**
     * The cut over {@code population} as of {@code asOf}.
     *
     * @throws IllegalArgumentException for a history with an order after {@code asOf} (the population must be aggregated
     *                                  as of the same instant it is classified at)
     */
    public static HighPotentialCut of(Collection<OrderHistory> population, Instant asOf, LifecycleConfig config) {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(config, "config");
        List<BigDecimal> values = new ArrayList<>(population.size());
        for (OrderHistory history : population) {
            Objects.requireNonNull(history, "population contains null");
            if (history.hasPaid()) {
                LifecycleClassifier.requireAsOf(history, asOf);
                values.add(history.firstOrderValue());
            }
        }
        int topPercent = config.highPotentialTopPercent();
        if (values.isEmpty()) {
            return new HighPotentialCut(Optional.empty(), 0, topPercent);
        }
        values.sort(Comparator.reverseOrder());
        long n = values.size();
        int k = (int) ((n * topPercent + 99) / 100); // ⌈n·p/100⌉ in integers: 0.1 × 30 is not 3 in binary floating point
        return new HighPotentialCut(Optional.of(values.get(k - 1)), values.size(), topPercent);
    }

    /** Whether a first order of this value is high potential ({@code compareTo}, so 80 and 80.00 are equal). */
    public boolean includes(BigDecimal firstOrderValue) {
        Objects.requireNonNull(firstOrderValue, "firstOrderValue");
        return cut.isPresent() && firstOrderValue.compareTo(cut.get()) >= 0;
    }
}

package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Days between consecutive paid orders of the same customer (exact elapsed time in days of 86,400 s, 2 decimals),
 * counting orders paid at or before {@code asOf}. Each interval belongs to its later order: to every category that
 * order contains (an order with two categories counts its interval in both; an order without categories in none, but
 * still overall) and to the customer's age band on {@code asOf}'s UTC date.
 *
 * @param asOf      the instant the history ends at
 * @param category  the category filter, or null
 * @param ageBand   the age band filter, or null
 * @param overall   all selected intervals
 * @param categories per category of the selected intervals, by category name
 * @param ageBands  per age band, in {@link io.lodestar.contracts.customer.AgeBand} order then {@code unknown} (no birth
 *                  date, or born after {@code asOf}); every band is listed, or only the filtered one
 */
public record RepurchaseCycleView(Instant asOf, String category, String ageBand, Cycle overall,
        List<CategoryCycle> categories, List<AgeBandCycle> ageBands) {

    /**
     * Statistics of a set of intervals; the figures are null when there is none. Quartiles and median are PostgreSQL's
     * {@code percentile_cont} (linear interpolation between the ordered intervals).
     */
    public record Cycle(long intervals, BigDecimal meanDays, BigDecimal p25Days, BigDecimal medianDays,
            BigDecimal p75Days) {

        static final Cycle NONE = new Cycle(0, null, null, null, null);
    }

    public record CategoryCycle(String category, Cycle cycle) {
    }

    public record AgeBandCycle(String ageBand, Cycle cycle) {
    }
}

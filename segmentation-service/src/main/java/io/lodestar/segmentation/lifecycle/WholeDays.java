package io.lodestar.segmentation.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The one day arithmetic of the lifecycle rules and the churn features: whole days of 86,400 s between two instants,
 * the remainder truncated, exactly as RFM recency ({@code RfmValues.recencyDays}) counts them. UTC has no daylight
 * saving, so a day is always that long; 89 days 23 h 59 min is 89 days.
 *
 * <p>"Within the last N days" is {@code between(t, asOf) < N} throughout, so the day an order turns N days old it is no
 * longer within them. That is what makes "no paid order in 90 days" and "at risk from day 90" the same statement.
 */
public final class WholeDays {

    private WholeDays() {
    }

    /**
     * Whole days from {@code from} to {@code to}, rounded down.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to}: every caller measures the past as of a
     *                                  later instant, so a negative span means the inputs were aggregated at another instant
     */
    public static long between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException(from + " is after " + to + "; days are measured back from a later instant");
        }
        // ChronoUnit.DAYS on Instants divides whole elapsed seconds by 86,400: truncation, i.e. floor for a span ≥ 0.
        return ChronoUnit.DAYS.between(from, to);
    }

    /**
     * The instant {@code days} whole days after {@code from} (86,400 s each, as {@link #between} counts them); a negative
     * {@code days} goes back.
     */
    public static Instant after(Instant from, long days) {
        Objects.requireNonNull(from, "from");
        return from.plus(Duration.ofDays(days));
    }
}

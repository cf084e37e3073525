package io.lodestar.segmentation.rfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The raw RFM measures of one scored customer, in the units of the Glossary.
 *
 * @param recencyDays whole days from the last paid order to {@code asOf}, rounded down (30 days 23 hours is 30)
 * @param frequency   distinct paid orders in the window, at least 1 for a scored customer
 * @param monetary    net spend in the window (may be zero or negative after refunds)
 */
public record RfmValues(long recencyDays, int frequency, BigDecimal monetary) {

    public RfmValues {
        if (recencyDays < 0) {
            throw new IllegalArgumentException("recencyDays must not be negative, was " + recencyDays);
        }
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must not be negative, was " + frequency);
        }
        Objects.requireNonNull(monetary, "monetary");
    }

    /**
     * The values of a customer as of {@code asOf}. Recency counts whole elapsed days of 86,400 s (UTC has no DST, so a
     * day is always that long), truncating the remainder; the caller guarantees {@code lastPaidAt ≤ asOf}.
     */
    static RfmValues of(RfmInput input, Instant asOf) {
        return new RfmValues(recencyDays(input.lastPaidAt(), asOf), input.paidOrders(), input.netSpend());
    }

    /** Whole days from {@code lastPaidAt} to {@code asOf}, rounded down; never negative for ordered instants. */
    static long recencyDays(Instant lastPaidAt, Instant asOf) {
        // Instant.until(DAYS) divides whole elapsed seconds by 86,400: truncation, which is floor for a non-negative span.
        return ChronoUnit.DAYS.between(lastPaidAt, asOf);
    }
}

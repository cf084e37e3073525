package io.lodestar.segmentation.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How concentrated net revenue is over customers in a window: a Lorenz-style table read from the top (the customers
 * who bring the most first), the smallest share of customers that brings 50% and 80% of revenue, and the Gini
 * coefficient.
 *
 * <p>A customer's net revenue is what they paid in the window minus what was refunded to them in the window. The
 * population is every customer with a paid order or a refund in the window; a customer whose net revenue is zero or
 * negative counts in the population but brings nothing (their deficit lowers {@code netRevenue}, not the curve). The
 * curve is interpolated linearly between customers, so "the top 15% of 10 customers" is 1.5 customers: the first one's
 * revenue plus half the second one's.
 *
 * @param asOf                 end of the window (inclusive)
 * @param windowStart          start of the window (inclusive), or null for the whole history
 * @param windowDays           the window's length in whole days, or null for the whole history
 * @param customers            the population
 * @param customersWithRevenue customers whose net revenue is positive
 * @param totalRevenue         sum of the positive net revenues: what the shares are shares of
 * @param netRevenue           paid minus refunded over the whole population (below {@code totalRevenue} when some
 *                             customers were refunded more than they paid in the window)
 * @param gini                 Gini coefficient of the customers' revenue (0 equal … 1 − 1/n one customer brings
 *                             everything), 4 decimals; null when there is no revenue
 * @param points               the table, by ascending {@code customerPercent}
 * @param revenueThresholds    for 50% and 80% of revenue, the smallest share of customers that brings it
 */
public record ValueConcentrationView(Instant asOf, Instant windowStart, Integer windowDays, long customers,
        long customersWithRevenue, BigDecimal totalRevenue, BigDecimal netRevenue, BigDecimal gini, List<Point> points,
        List<Threshold> revenueThresholds) {

    /**
     * The top {@code customerPercent}% of customers bring {@code revenuePercent}% of revenue.
     *
     * @param customers      how many customers the percentage is (2 decimals; fractional between customers)
     * @param revenue        the revenue they bring, 2 decimals
     * @param revenuePercent its share of {@code totalRevenue} in percent, 2 decimals; null when there is no revenue
     */
    public record Point(BigDecimal customerPercent, BigDecimal customers, BigDecimal revenue,
            BigDecimal revenuePercent) {
    }

    /**
     * The top {@code customerPercent}% of customers (and no smaller share) bring {@code revenuePercent}% of revenue.
     *
     * @param customers       how many customers that is, 2 decimals; null when there is no revenue
     * @param customerPercent 2 decimals; null when there is no revenue
     */
    public record Threshold(BigDecimal revenuePercent, BigDecimal customers, BigDecimal customerPercent) {
    }
}

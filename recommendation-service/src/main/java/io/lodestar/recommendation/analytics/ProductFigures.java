package io.lodestar.recommendation.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The summed figures of one item or category over a period, and the rates derived from them. Every ratio is null
 * when its denominator is zero or unknown (never 0 standing in for "unknown"); the SQL sort keys of
 * {@link ProductMetric} compute the same ratios.
 *
 * @param costOfSales unit cost × units sold; null when the cost is unknown (for a category: unknown for any item)
 * @param stock       units on hand; null when unknown (for a category: unknown for any item)
 */
public record ProductFigures(long views, long clicks, long addToCarts, long recImpressions, long recClicks,
                             long orders, long units, BigDecimal revenue, long refunds, long refundedUnits,
                             BigDecimal refundAmount, BigDecimal costOfSales, Long stock) {

    /** Recommendation clicks ÷ recommendation impressions. */
    public Double ctr() {
        return ratio(recClicks, recImpressions);
    }

    /** Add-to-carts ÷ product views. */
    public Double addToCartRate() {
        return ratio(addToCarts, views);
    }

    /** Paid orders containing the item ÷ product views. */
    public Double conversion() {
        return ratio(orders, views);
    }

    /** Revenue ÷ the period's revenue over all items; null when the period sold nothing. */
    public Double revenueShare(BigDecimal periodRevenue) {
        return periodRevenue == null || periodRevenue.signum() == 0 ? null
                : round(revenue.divide(periodRevenue, 8, RoundingMode.HALF_EVEN).doubleValue(), 4);
    }

    /** Refunded units ÷ units sold in the period. */
    public Double refundRate() {
        return ratio(refundedUnits, units);
    }

    /** Revenue − cost × units; null without a cost. */
    public BigDecimal margin() {
        return costOfSales == null ? null : revenue.subtract(costOfSales).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Margin ÷ revenue; null without a cost or without revenue. */
    public Double marginRate() {
        BigDecimal margin = margin();
        return margin == null || revenue.signum() == 0 ? null
                : round(margin.divide(revenue, 8, RoundingMode.HALF_EVEN).doubleValue(), 4);
    }

    /** Units sold in the period ÷ units on hand; null when the stock is unknown or zero. */
    public Double stockTurnover() {
        return stock == null ? null : ratio(units, stock);
    }

    /** Units on hand ÷ average daily units of the period; null when the stock is unknown or nothing sold. */
    public Double daysOfCover(long days) {
        return stock == null || units == 0 ? null : round((double) stock * days / units, 1);
    }

    static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : round((double) numerator / denominator, 4);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}

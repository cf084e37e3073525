package io.lodestar.recommendation.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /analytics/products/hot}: the top sellers of [from, to], against the period of the same length before. */
public record HotProductView(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, String by,
                             List<Row> rows) {

    /** One item that sold in the period. */
    public record Row(String itemId, String title, String category, long units, BigDecimal revenue,
                      long previousUnits, BigDecimal previousRevenue,
                      @Schema(description = "(revenue − previousRevenue) / previousRevenue; null when the item did "
                              + "not sell in the previous period") Double revenueGrowth) {

        static Row of(String itemId, String title, String category, long units, BigDecimal revenue,
                      long previousUnits, BigDecimal previousRevenue) {
            return new Row(itemId, title, category, units, revenue, previousUnits, previousRevenue,
                    growth(revenue, previousRevenue));
        }
    }

    /** Relative change from {@code previous} to {@code current}, 4 decimals; null without a previous value. */
    static Double growth(BigDecimal current, BigDecimal previous) {
        if (previous == null || previous.signum() == 0) {
            return null;
        }
        return Math.round(10_000.0 * current.subtract(previous).doubleValue() / previous.doubleValue()) / 10_000.0;
    }
}

package io.lodestar.recommendation.analytics;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of {@code GET /analytics/products}: an item (or, at {@code level=category}, a leaf category) over the period.
 * Rates are rounded to 4 decimals and null when their denominator is zero or unknown.
 */
public record ProductView(
        @Schema(description = "The item; null at level=category") String itemId,
        String title,
        @Schema(description = "The leaf category; null for an item the catalogue has not categorised") String category,
        long views,
        long clicks,
        long addToCarts,
        long recommendationImpressions,
        long recommendationClicks,
        @Schema(description = "recommendationClicks / recommendationImpressions") Double ctr,
        @Schema(description = "addToCarts / views") Double addToCartRate,
        @Schema(description = "paid orders containing the item") long orders,
        @Schema(description = "orders / views") Double conversion,
        long units,
        @Schema(description = "net line amounts of paid orders (quantity × unit price − line discount)")
        BigDecimal revenue,
        @Schema(description = "revenue / revenue of every item in the period") Double revenueShare,
        long refunds,
        long refundedUnits,
        BigDecimal refundAmount,
        @Schema(description = "refundedUnits / units") Double refundRate,
        @Schema(description = "revenue − cost × units; null when the catalogue carries no cost") BigDecimal margin,
        @Schema(description = "margin / revenue") Double marginRate,
        @Schema(description = "units on hand now; null when the catalogue carries no stock") Long stockQuantity,
        @Schema(description = "units / stockQuantity") Double stockTurnover,
        @Schema(description = "stockQuantity / average daily units of the period") Double daysOfCover) {

    static ProductView of(String itemId, String title, String category, ProductFigures f, BigDecimal periodRevenue,
                          long days) {
        return new ProductView(itemId, title, category, f.views(), f.clicks(), f.addToCarts(), f.recImpressions(),
                f.recClicks(), f.ctr(), f.addToCartRate(), f.orders(), f.conversion(), f.units(), f.revenue(),
                f.revenueShare(periodRevenue), f.refunds(), f.refundedUnits(), f.refundAmount(), f.refundRate(),
                f.margin(), f.marginRate(), f.stock(), f.stockTurnover(), f.daysOfCover(days));
    }
}

package io.lodestar.recommendation.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /analytics/products}: one page of item or category figures over [from, to], in the requested order.
 *
 * @param nextCursor pass it back as {@code cursor} (with the same parameters) for the next page; null on the last
 */
public record ProductAnalyticsView(LocalDate from, LocalDate to, String level, String sort, String order,
                                   @Schema(description = "revenue of every item in the period (the base of "
                                           + "revenueShare)") BigDecimal periodRevenue,
                                   List<ProductView> rows, String nextCursor) {
}

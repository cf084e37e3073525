package io.lodestar.recommendation.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.lodestar.platform.problem.InvalidInputException;

/**
 * What {@code GET /analytics/products} sorts by ({@code sort=}), with the SQL that computes it over the summed columns
 * of a row (the same ratios as {@link ProductFigures}, which reports them). A null value (no denominator, no cost, no
 * stock) sorts last in either order.
 */
public enum ProductMetric {
    VIEWS("views", "views"),
    CLICKS("clicks", "clicks"),
    ADD_TO_CARTS("addToCarts", "add_to_carts"),
    IMPRESSIONS("impressions", "rec_impressions"),
    RECOMMENDATION_CLICKS("recommendationClicks", "rec_clicks"),
    CTR("ctr", "rec_clicks::float8 / nullif(rec_impressions, 0)"),
    ADD_TO_CART_RATE("addToCartRate", "add_to_carts::float8 / nullif(views, 0)"),
    CONVERSION("conversion", "orders::float8 / nullif(views, 0)"),
    ORDERS("orders", "orders"),
    UNITS("units", "units"),
    REVENUE("revenue", "revenue"),
    REVENUE_SHARE("revenueShare", "revenue"),
    REFUNDS("refunds", "refunds"),
    REFUND_AMOUNT("refundAmount", "refund_amount"),
    REFUND_RATE("refundRate", "refunded_units::float8 / nullif(units, 0)"),
    MARGIN("margin", "revenue - cost_of_sales"),
    MARGIN_RATE("marginRate", "(revenue - cost_of_sales) / nullif(revenue, 0)"),
    STOCK_TURNOVER("stockTurnover", "units::float8 / nullif(stock, 0)"),
    DAYS_OF_COVER("daysOfCover", "stock::float8 * days / nullif(units, 0)");

    private final String wire;
    private final String sql;

    ProductMetric(String wire, String sql) {
        this.wire = wire;
        this.sql = sql;
    }

    public String wire() {
        return wire;
    }

    /** The sort key as a float8, null values replaced by the end of the order they sort last in. */
    String sortKey(boolean descending) {
        return "coalesce((" + sql + ")::float8, '" + (descending ? "-" : "") + "Infinity'::float8)";
    }

    /** The metric named {@code wire} (case-insensitive), or a 400 naming {@code parameter} and the known names. */
    static ProductMetric of(String parameter, String wire) {
        for (ProductMetric metric : values()) {
            if (metric.wire.toLowerCase(Locale.ROOT).equals(wire.toLowerCase(Locale.ROOT))) {
                return metric;
            }
        }
        throw new InvalidInputException(parameter, "must be one of " + Arrays.stream(values())
                .map(ProductMetric::wire).collect(Collectors.joining(", ")));
    }
}

package io.lodestar.recommendation.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Daily figures per item ({@code V6__product_analytics.sql}): the consumers add to them on their connection (in their
 * processed-event transaction); the analytics queries aggregate them in SQL and return one page.
 */
@ApplicationScoped
public class ProductAnalyticsRepository {

    private static final String SUMS = """
            sum(views)::bigint AS views, sum(clicks)::bigint AS clicks, sum(add_to_carts)::bigint AS add_to_carts,
            sum(rec_impressions)::bigint AS rec_impressions, sum(rec_clicks)::bigint AS rec_clicks,
            sum(orders)::bigint AS orders, sum(units)::bigint AS units, sum(revenue) AS revenue,
            sum(refunds)::bigint AS refunds, sum(refunded_units)::bigint AS refunded_units,
            sum(refund_amount) AS refund_amount""";

    private static final String ITEM_ROWS = """
            SELECT f.item_id AS key, i.title, i.category, f.views, f.clicks, f.add_to_carts, f.rec_impressions,
                   f.rec_clicks, f.orders, f.units, f.revenue, f.refunds, f.refunded_units, f.refund_amount,
                   i.cost * f.units AS cost_of_sales, i.stock_quantity::bigint AS stock, $2::date - $1::date + 1 AS days
            FROM f LEFT JOIN item i ON i.item_id = f.item_id
            WHERE $3::text IS NULL OR i.category = $3::text""";

    // A category's cost of sales and stock are known only when they are known for every item in it with figures.
    private static final String CATEGORY_ROWS = """
            SELECT coalesce(i.category, '') AS key, NULL::text AS title, i.category, %s,
                   CASE WHEN bool_and(i.cost IS NOT NULL) THEN sum(i.cost * f.units) END AS cost_of_sales,
                   CASE WHEN bool_and(i.stock_quantity IS NOT NULL) THEN sum(i.stock_quantity)::bigint END AS stock,
                   $2::date - $1::date + 1 AS days
            FROM f LEFT JOIN item i ON i.item_id = f.item_id
            WHERE $3::text IS NULL OR i.category = $3::text
            GROUP BY i.category""".formatted(SUMS.replace("sum(", "sum(f."));

    /** Adds what events contributed, in (item, day) order so that concurrent consumers lock rows in one order. */
    public Uni<Void> add(SqlClient client, Collection<ProductDayDelta> deltas) {
        if (deltas.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> tuples = deltas.stream()
                .sorted(Comparator.comparing(ProductDayDelta::itemId).thenComparing(ProductDayDelta::day))
                .map(d -> Tuple.tuple(Arrays.asList(d.itemId(), d.day(), d.views(), d.clicks(), d.addToCarts(),
                        d.recImpressions(), d.recClicks(), d.orders(), d.units(), d.revenue(), d.refunds(),
                        d.refundedUnits(), d.refundAmount())))
                .toList();
        return client.preparedQuery("""
                INSERT INTO product_daily (item_id, day, views, clicks, add_to_carts, rec_impressions, rec_clicks,
                                           orders, units, revenue, refunds, refunded_units, refund_amount)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (item_id, day) DO UPDATE SET
                    views = product_daily.views + excluded.views,
                    clicks = product_daily.clicks + excluded.clicks,
                    add_to_carts = product_daily.add_to_carts + excluded.add_to_carts,
                    rec_impressions = product_daily.rec_impressions + excluded.rec_impressions,
                    rec_clicks = product_daily.rec_clicks + excluded.rec_clicks,
                    orders = product_daily.orders + excluded.orders,
                    units = product_daily.units + excluded.units,
                    revenue = product_daily.revenue + excluded.revenue,
                    refunds = product_daily.refunds + excluded.refunds,
                    refunded_units = product_daily.refunded_units + excluded.refunded_units,
                    refund_amount = product_daily.refund_amount + excluded.refund_amount""")
                .executeBatch(tuples).replaceWithVoid();
    }

    /**
     * One page (at most {@code limit + 1} rows, the extra one telling that another page exists) of item or category
     * figures over the period, ordered by the metric's sort key and then the key; after the cursor's position if any.
     */
    public Uni<List<FigureRow>> figures(SqlClient client, ProductQuery query) {
        String direction = query.descending() ? "DESC" : "ASC";
        String after = query.descending() ? "<" : ">";
        String sql = """
                WITH f AS (SELECT item_id, %s FROM product_daily WHERE day BETWEEN $1 AND $2 GROUP BY item_id),
                total AS (SELECT coalesce(sum(revenue), 0) AS revenue FROM f),
                r AS (%s),
                s AS (SELECT r.*, %s AS sort_value FROM r)
                SELECT s.*, total.revenue AS period_revenue FROM s CROSS JOIN total
                WHERE $5::text IS NULL OR s.sort_value %s $4::float8 OR (s.sort_value = $4::float8 AND s.key > $5::text)
                ORDER BY s.sort_value %s, s.key LIMIT $6"""
                .formatted(SUMS, query.byCategory() ? CATEGORY_ROWS : ITEM_ROWS,
                        query.metric().sortKey(query.descending()), after, direction);
        return client.preparedQuery(sql).execute(Tuple.tuple(Arrays.asList(query.period().from(),
                        query.period().to(), query.category(), query.afterValue(), query.afterKey(),
                        query.limit() + 1)))
                .map(rows -> {
                    List<FigureRow> result = new ArrayList<>(rows.size());
                    rows.forEach(row -> result.add(figureRow(row)));
                    return result;
                });
    }

    /** Items that sold in the period, best first by {@code by}, with their figures of the previous period. */
    public Uni<List<HotProductView.Row>> hot(SqlClient client, AnalyticsPeriod period, HotRanking by, int limit) {
        AnalyticsPeriod previous = period.previous();
        return client.preparedQuery("""
                WITH cur AS (SELECT item_id, sum(units)::bigint AS units, sum(revenue) AS revenue FROM product_daily
                             WHERE day BETWEEN $1 AND $2 GROUP BY item_id HAVING sum(units) > 0),
                prev AS (SELECT d.item_id, sum(d.units)::bigint AS units, sum(d.revenue) AS revenue
                         FROM product_daily d JOIN cur ON cur.item_id = d.item_id
                         WHERE d.day BETWEEN $3 AND $4 GROUP BY d.item_id)
                SELECT cur.item_id, i.title, i.category, cur.units, cur.revenue,
                       coalesce(prev.units, 0) AS previous_units, coalesce(prev.revenue, 0) AS previous_revenue
                FROM cur LEFT JOIN prev ON prev.item_id = cur.item_id LEFT JOIN item i ON i.item_id = cur.item_id
                ORDER BY %s DESC NULLS LAST, cur.item_id LIMIT $5""".formatted(by.sql()))
                .execute(Tuple.of(period.from(), period.to(), previous.from(), previous.to(), limit))
                .map(rows -> {
                    List<HotProductView.Row> result = new ArrayList<>(rows.size());
                    rows.forEach(row -> result.add(HotProductView.Row.of(row.getString("item_id"),
                            row.getString("title"), row.getString("category"), row.getLong("units"),
                            row.getBigDecimal("revenue"), row.getLong("previous_units"),
                            row.getBigDecimal("previous_revenue"))));
                    return result;
                });
    }

    /**
     * Catalogue items (not stubs, not hidden) in stock, listed before the period, without a paid order in it, by item
     * id after {@code afterItemId}; at most {@code limit + 1}.
     */
    public Uni<List<StaleProductView>> stale(SqlClient client, AnalyticsPeriod period, String afterItemId, int limit) {
        return client.preparedQuery("""
                SELECT i.item_id, i.title, i.category, i.price, i.stock_quantity,
                       coalesce(i.launched_at, i.created_at) AS listed_since,
                       (SELECT max(d.day) FROM product_daily d WHERE d.item_id = i.item_id AND d.units > 0)
                           AS last_sold_on,
                       (SELECT coalesce(sum(d.views), 0)::bigint FROM product_daily d
                        WHERE d.item_id = i.item_id AND d.day BETWEEN $2 AND $3) AS views
                FROM item i
                WHERE NOT i.stub AND NOT i.hidden AND i.in_stock AND coalesce(i.launched_at, i.created_at) < $1
                  AND NOT EXISTS (SELECT 1 FROM product_daily d
                                  WHERE d.item_id = i.item_id AND d.day BETWEEN $2 AND $3 AND d.units > 0)
                  AND ($4::text IS NULL OR i.item_id > $4::text)
                ORDER BY i.item_id LIMIT $5""")
                .execute(Tuple.tuple(Arrays.asList(period.from().atStartOfDay().atOffset(ZoneOffset.UTC),
                        period.from(), period.to(), afterItemId, limit + 1)))
                .map(rows -> {
                    List<StaleProductView> result = new ArrayList<>(rows.size());
                    rows.forEach(row -> {
                        OffsetDateTime listed = row.getOffsetDateTime("listed_since");
                        LocalDate lastSold = row.getLocalDate("last_sold_on");
                        result.add(new StaleProductView(row.getString("item_id"), row.getString("title"),
                                row.getString("category"), row.getBigDecimal("price"),
                                row.getInteger("stock_quantity"), listed.toInstant(), lastSold, row.getLong("views")));
                    });
                    return result;
                });
    }

    private static FigureRow figureRow(Row row) {
        ProductFigures figures = new ProductFigures(row.getLong("views"), row.getLong("clicks"),
                row.getLong("add_to_carts"), row.getLong("rec_impressions"), row.getLong("rec_clicks"),
                row.getLong("orders"), row.getLong("units"), row.getBigDecimal("revenue"), row.getLong("refunds"),
                row.getLong("refunded_units"), row.getBigDecimal("refund_amount"), row.getBigDecimal("cost_of_sales"),
                row.getLong("stock"));
        return new FigureRow(row.getString("key"), row.getString("title"), row.getString("category"), figures,
                row.getDouble("sort_value"), row.getBigDecimal("period_revenue"), row.getInteger("days"));
    }

    /** What {@link #figures} answers: which rows, in which order, after which position. */
    public record ProductQuery(AnalyticsPeriod period, boolean byCategory, String category, ProductMetric metric,
                               boolean descending, Double afterValue, String afterKey, int limit) {
    }

    /** One item or category (key: the item id, or the category, '' for items without one) with its figures. */
    public record FigureRow(String key, String title, String category, ProductFigures figures, double sortValue,
                            java.math.BigDecimal periodRevenue, int days) {
    }
}

package io.lodestar.recommendation.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.recommendation.analytics.ProductAnalyticsRepository.FigureRow;
import io.lodestar.recommendation.analytics.ProductAnalyticsRepository.ProductQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Product analytics: per item or category, views, recommendation CTR, add-to-cart rate, conversion, units, revenue and
 * its share, refund rate, margin and stock turnover over a period, from the daily figures the consumers keep; the
 * hot (top sellers) and stale (in stock, never selling) lists. Every query is one SQL aggregation returning one page.
 * Parameters are checked before anything is read; a bad one is a 400 naming it.
 */
@ApplicationScoped
public class ProductAnalyticsService {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final char SEPARATOR = '|';

    private final Pool pool;
    private final ProductAnalyticsRepository figures;

    public ProductAnalyticsService(Pool pool, ProductAnalyticsRepository figures) {
        this.pool = pool;
        this.figures = figures;
    }

    /**
     * Adds what events contributed to their items' days, on the consumer's connection (in its processed-event
     * transaction, so a redelivered event is not counted twice).
     */
    public Uni<Void> record(SqlConnection connection, Collection<ProductDayDelta> deltas) {
        return figures.add(connection, deltas);
    }

    /** {@code GET /analytics/products}. */
    public Uni<ProductAnalyticsView> products(String from, String to, String level, String category, String sort,
                                              String order, String limit, String cursor) {
        return Uni.createFrom().item(() -> query(from, to, level, category, sort, order, limit, cursor))
                .chain(query -> pool.withConnection(connection -> figures.figures(connection, query))
                        .map(rows -> view(query, rows)));
    }

    /** {@code GET /analytics/products/hot}. */
    public Uni<HotProductView> hot(String from, String to, String by, String limit) {
        return Uni.createFrom().item(() -> new HotQuery(AnalyticsPeriod.parse(from, to, today()), HotRanking.of(by),
                        integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT)))
                .chain(q -> pool.withConnection(connection -> figures.hot(connection, q.period(), q.by(), q.limit()))
                        .map(rows -> new HotProductView(q.period().from(), q.period().to(),
                                q.period().previous().from(), q.period().previous().to(), q.by().wire(), rows)));
    }

    /** {@code GET /analytics/products/stale}: the period is the last {@code days} days, today included. */
    public Uni<CursorPage<StaleProductView>> stale(String days, String limit, String cursor) {
        return Uni.createFrom().item(() -> new StaleQuery(
                        AnalyticsPeriod.lastDays(integer("days", days, AnalyticsPeriod.DEFAULT_DAYS, 1,
                                AnalyticsPeriod.MAX_DAYS), today()),
                        integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT), CursorPage.decode(cursor)))
                .chain(q -> pool.withConnection(connection -> figures.stale(connection, q.period(), q.after(),
                                q.limit()))
                        .map(rows -> CursorPage.of(rows, q.limit(), StaleProductView::itemId, row -> row)));
    }

    private static ProductQuery query(String from, String to, String level, String category, String sort,
                                      String order, String limit, String cursor) {
        AnalyticsPeriod period = AnalyticsPeriod.parse(from, to, today());
        boolean byCategory = byCategory(level);
        ProductMetric metric = sort == null || sort.isBlank() ? ProductMetric.REVENUE : ProductMetric.of("sort", sort);
        boolean descending = descending(order);
        int size = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        String filter = category == null || category.isBlank() ? null : category;
        String position = CursorPage.decode(cursor);
        if (position == null) {
            return new ProductQuery(period, byCategory, filter, metric, descending, null, null, size);
        }
        // A cursor is "<level>|<sort>|<order>|<sort value>|<key>": it only continues the listing it came from.
        String[] parts = position.split("\\|", 5);
        if (parts.length != 5 || !parts[0].equals(levelName(byCategory)) || !parts[1].equals(metric.wire())
                || !parts[2].equals(orderName(descending))) {
            throw new InvalidInputException("cursor", "does not continue this listing (level, sort and order must "
                    + "be those of the page it came from)");
        }
        try {
            return new ProductQuery(period, byCategory, filter, metric, descending, Double.parseDouble(parts[3]),
                    parts[4], size);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
    }

    private static ProductAnalyticsView view(ProductQuery query, List<FigureRow> rows) {
        java.math.BigDecimal periodRevenue = rows.isEmpty() ? java.math.BigDecimal.ZERO : rows.get(0).periodRevenue();
        CursorPage<ProductView> page = CursorPage.of(rows, query.limit(),
                row -> levelName(query.byCategory()) + SEPARATOR + query.metric().wire() + SEPARATOR
                        + orderName(query.descending()) + SEPARATOR + row.sortValue() + SEPARATOR + row.key(),
                row -> ProductView.of(query.byCategory() ? null : row.key(), row.title(), row.category(),
                        row.figures(), row.periodRevenue(), row.days()));
        return new ProductAnalyticsView(query.period().from(), query.period().to(), levelName(query.byCategory()),
                query.metric().wire(), orderName(query.descending()), periodRevenue, page.items(), page.nextCursor());
    }

    private static boolean byCategory(String level) {
        if (level == null || level.isBlank() || level.equals("item")) {
            return false;
        }
        if (level.equals("category")) {
            return true;
        }
        throw new InvalidInputException("level", "must be item or category");
    }

    private static boolean descending(String order) {
        if (order == null || order.isBlank() || order.equals("desc")) {
            return true;
        }
        if (order.equals("asc")) {
            return false;
        }
        throw new InvalidInputException("order", "must be desc or asc");
    }

    private static String levelName(boolean byCategory) {
        return byCategory ? "category" : "item";
    }

    private static String orderName(boolean descending) {
        return descending ? "desc" : "asc";
    }

    /** A whole number in [min, max], {@code fallback} when absent, or a 400 naming the parameter. */
    static int integer(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range value is
        }
        throw new InvalidInputException(name, "must be a whole number from " + min + " to " + max + ", was " + text);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private record HotQuery(AnalyticsPeriod period, HotRanking by, int limit) {
    }

    private record StaleQuery(AnalyticsPeriod period, int limit, String after) {
    }
}

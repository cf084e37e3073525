package io.lodestar.segmentation.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.lodestar.platform.persistence.SqlTimes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The hourly order figures of the alert rules ({@code alert_order_hour}, {@code alert_paid_order} in V8). */
@ApplicationScoped
public class OrderFiguresRepository {

    /** The channel of orders without one, and of refunds whose paid order was not seen. */
    static final String UNKNOWN_CHANNEL = "unknown";

    /** One hour's figures, over one channel or all. */
    public record OrderHour(Instant hour, long paidOrders, BigDecimal revenue, long refunds, BigDecimal refundAmount) {
    }

    private final Pool pool;

    public OrderFiguresRepository(Pool pool) {
        this.pool = pool;
    }

    /** Counts a paid order in its hour, unless this order was counted already (another event of the same order). */
    public Uni<Void> addPaidOrder(SqlConnection connection, String orderId, String channel, Instant paidAt,
                                  BigDecimal amount) {
        return connection.preparedQuery("INSERT INTO alert_paid_order (order_id, channel, paid_at) "
                        + "VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING")
                .execute(Tuple.of(orderId, channel, SqlTimes.utc(paidAt)))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : connection.preparedQuery("""
                                INSERT INTO alert_order_hour (hour, channel, paid_orders, revenue) VALUES ($1, $2, 1, $3)
                                ON CONFLICT (hour, channel) DO UPDATE
                                SET paid_orders = alert_order_hour.paid_orders + 1,
                                    revenue = alert_order_hour.revenue + EXCLUDED.revenue""")
                        .execute(Tuple.of(SqlTimes.utc(hourOf(paidAt)), channel, amount)).replaceWithVoid());
    }

    /** Counts a refund in its hour, on the channel of its order when that order was seen paid. */
    public Uni<Void> addRefund(SqlConnection connection, String orderId, Instant refundedAt, BigDecimal amount) {
        return connection.preparedQuery("""
                INSERT INTO alert_order_hour (hour, channel, refunds, refund_amount)
                VALUES ($1, coalesce((SELECT channel FROM alert_paid_order WHERE order_id = $2), $4), 1, $3)
                ON CONFLICT (hour, channel) DO UPDATE
                SET refunds = alert_order_hour.refunds + 1,
                    refund_amount = alert_order_hour.refund_amount + EXCLUDED.refund_amount""")
                .execute(Tuple.of(SqlTimes.utc(hourOf(refundedAt)), orderId, amount, UNKNOWN_CHANNEL))
                .replaceWithVoid();
    }

    /** The hours in {@code [from, to)} with any figure, on {@code channel} or (null) all channels summed. */
    public Uni<List<OrderHour>> hours(String channel, Instant from, Instant to) {
        return pool.preparedQuery("""
                SELECT hour, sum(paid_orders) AS paid_orders, sum(revenue) AS revenue, sum(refunds) AS refunds,
                       sum(refund_amount) AS refund_amount
                FROM alert_order_hour
                WHERE hour >= $1 AND hour < $2 AND ($3::text IS NULL OR channel = $3)
                GROUP BY hour ORDER BY hour""")
                .execute(Tuple.of(SqlTimes.utc(from), SqlTimes.utc(to), channel))
                .map(rows -> {
                    List<OrderHour> hours = new ArrayList<>(rows.size());
                    rows.forEach(row -> hours.add(new OrderHour(SqlTimes.instant(row, "hour"),
                            row.getLong("paid_orders"), row.getBigDecimal("revenue"), row.getLong("refunds"),
                            row.getBigDecimal("refund_amount"))));
                    return hours;
                });
    }

    static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }
}

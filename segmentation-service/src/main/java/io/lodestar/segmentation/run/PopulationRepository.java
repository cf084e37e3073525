package io.lodestar.segmentation.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.lodestar.segmentation.lifecycle.OrderHistory;
import io.lodestar.segmentation.rfm.RfmInput;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a run reads about every customer, computed from the fact tables as of the run's instant (the lifetime
 * aggregates cannot answer "as of" questions: an order after {@code asOf} must not count).
 */
@ApplicationScoped
public class PopulationRepository {

    private final Pool pool;

    public PopulationRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * R, F and M inputs of every known customer as of {@code asOf}: the last paid order at or before it, and paid
     * orders and net spend (refunds deducted) from {@code windowStart} (inclusive; null: the whole history).
     */
    public Uni<List<RfmInput>> rfmInputs(Instant asOf, Instant windowStart) {
        return pool.preparedQuery("""
                SELECT c.customer_id, l.last_paid_at, coalesce(w.paid_orders, 0) AS paid_orders,
                       coalesce(w.gross, 0) - coalesce(r.refunded, 0) AS net_spend
                FROM customer_feature c
                LEFT JOIN (SELECT customer_id, max(paid_at) AS last_paid_at FROM paid_order WHERE paid_at <= $1
                           GROUP BY customer_id) l ON l.customer_id = c.customer_id
                LEFT JOIN (SELECT customer_id, count(*) AS paid_orders, sum(paid_amount) AS gross FROM paid_order
                           WHERE paid_at <= $1 AND ($2::timestamptz IS NULL OR paid_at >= $2)
                           GROUP BY customer_id) w ON w.customer_id = c.customer_id
                LEFT JOIN (SELECT customer_id, sum(amount) AS refunded FROM order_refund
                           WHERE refunded_at <= $1 AND ($2::timestamptz IS NULL OR refunded_at >= $2)
                           GROUP BY customer_id) r ON r.customer_id = c.customer_id""")
                .execute(Tuple.of(utc(asOf), windowStart == null ? null : utc(windowStart)))
                .map(rows -> {
                    List<RfmInput> inputs = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        OffsetDateTime last = row.getOffsetDateTime("last_paid_at");
                        inputs.add(new RfmInput(row.getString("customer_id"), last == null ? null : last.toInstant(),
                                row.getInteger("paid_orders"), row.getBigDecimal("net_spend")));
                    }
                    return inputs;
                });
    }

    /** Every known customer's paid order times and first order value as of {@code asOf} (lifecycle stages). */
    public Uni<List<OrderHistory>> orderHistories(Instant asOf) {
        return pool.preparedQuery("""
                SELECT c.customer_id, o.paid, o.first_value
                FROM customer_feature c
                LEFT JOIN (SELECT customer_id, array_agg(paid_at ORDER BY paid_at) AS paid,
                                  (array_agg(paid_amount ORDER BY paid_at))[1] AS first_value
                           FROM paid_order WHERE paid_at <= $1 GROUP BY customer_id) o
                       ON o.customer_id = c.customer_id""")
                .execute(Tuple.of(utc(asOf)))
                .map(rows -> {
                    List<OrderHistory> histories = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        String customerId = row.getString("customer_id");
                        OffsetDateTime[] paid = row.getArrayOfOffsetDateTimes("paid");
                        if (paid == null || paid.length == 0) {
                            histories.add(OrderHistory.neverPaid(customerId));
                            continue;
                        }
                        BigDecimal first = row.getBigDecimal("first_value").max(BigDecimal.ZERO);
                        histories.add(new OrderHistory(customerId,
                                Arrays.stream(paid).map(OffsetDateTime::toInstant).toList(), first));
                    }
                    return histories;
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

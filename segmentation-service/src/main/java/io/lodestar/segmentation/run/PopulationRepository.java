package io.lodestar.segmentation.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.segmentation.churn.PaidOrderEvent;
import io.lodestar.segmentation.lifecycle.OrderHistory;
import io.lodestar.segmentation.rfm.RfmInput;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
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

    /** Behaviour and preference features of every customer, for clustering (joined to RFM values by the caller). */
    public Uni<Map<String, BehaviourFeatures>> behaviourFeatures() {
        return pool.query("""
                SELECT customer_id, product_views, favorites, cart_adds, cart_abandonment_rate, discount_share,
                       category_spend, channel_counts
                FROM customer_feature_view""").execute().map(rows -> {
                    Map<String, BehaviourFeatures> features = new HashMap<>(rows.size() * 2);
                    for (Row row : rows) {
                        features.put(row.getString("customer_id"), new BehaviourFeatures(row.getInteger("product_views"),
                                row.getInteger("favorites"), row.getInteger("cart_adds"),
                                row.getBigDecimal("cart_abandonment_rate").doubleValue(),
                                row.getBigDecimal("discount_share").doubleValue(),
                                numbers(row.getJsonObject("category_spend")), numbers(row.getJsonObject("channel_counts"))));
                    }
                    return features;
                });
    }

    /** A customer's behaviour and preference features, as clustering takes them. */
    public record BehaviourFeatures(int productViews, int favorites, int cartAdds, double cartAbandonmentRate,
            double discountShare, Map<String, Double> categorySpend, Map<String, Double> channelCounts) {
    }

    /** Every paid order at or before {@code asOf} (the churn model's history). */
    public Uni<List<PaidOrderEvent>> paidOrders(Instant asOf) {
        return pool.preparedQuery("SELECT customer_id, paid_at, paid_amount FROM paid_order WHERE paid_at <= $1")
                .execute(Tuple.of(utc(asOf))).map(rows -> {
                    List<PaidOrderEvent> orders = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        orders.add(new PaidOrderEvent(row.getString("customer_id"),
                                row.getOffsetDateTime("paid_at").toInstant(),
                                row.getBigDecimal("paid_amount").max(BigDecimal.ZERO)));
                    }
                    return orders;
                });
    }

    /** The clusters the previous run assigned (customerId → cluster id), to measure stability. */
    public Uni<Map<String, Integer>> previousClusters() {
        return pool.query("SELECT customer_id, cluster_id FROM customer_assignment WHERE cluster_id IS NOT NULL")
                .execute().map(rows -> {
                    Map<String, Integer> labels = new HashMap<>(rows.size() * 2);
                    rows.forEach(row -> labels.put(row.getString("customer_id"), row.getInteger("cluster_id")));
                    return labels;
                });
    }

    private static Map<String, Double> numbers(JsonObject json) {
        Map<String, Double> out = new HashMap<>();
        json.forEach(e -> out.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
        return out;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

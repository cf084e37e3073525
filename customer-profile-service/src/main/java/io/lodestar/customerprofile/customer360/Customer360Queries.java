package io.lodestar.customerprofile.customer360;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.customerprofile.customer360.Customer360View.BehaviourSummary;
import io.lodestar.customerprofile.customer360.Customer360View.OrderSummary;
import io.lodestar.customerprofile.customer360.Customer360View.Window;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The aggregate queries of the 360 view, on the reactive client directly so that they run side by side: one
 * pass over the customer's orders (windows relative to now, which counters could not keep), one over the
 * activity counters the event insert maintains.
 */
@ApplicationScoped
public class Customer360Queries {

    static final int[] WINDOW_DAYS = {30, 90, 180, 365};

    private final Pool pool;

    public Customer360Queries(Pool pool) {
        this.pool = pool;
    }

    /**
     * The order and behaviour aggregates of one customer, on a single connection: the three queries are sent
     * together (the connection pipelines them), and a request never holds one connection while it waits for another,
     * which under load would let requests starve each other of the pool.
     */
    public Uni<Aggregates> aggregates(String customerId, Instant now) {
        return pool.withConnection(connection -> Uni.combine().all()
                .unis(orders(connection, customerId, now), behaviour(connection, customerId))
                .asTuple().map(t -> new Aggregates(t.getItem1(), t.getItem2())));
    }

    /** The two aggregate parts of the view. */
    public record Aggregates(OrderSummary orders, BehaviourSummary behaviour) {
    }

    private Uni<OrderSummary> orders(SqlConnection connection, String customerId, Instant now) {
        StringBuilder windows = new StringBuilder();
        for (int days : WINDOW_DAYS) {
            windows.append(", count(*) FILTER (WHERE paid_at >= $2::timestamptz - interval '").append(days).append(" days')")
                    .append(", coalesce(sum(paid_amount - refunded_amount) FILTER (WHERE paid_at >= $2::timestamptz - interval '")
                    .append(days).append(" days'), 0)");
        }
        String sql = "SELECT count(*), coalesce(sum(paid_amount - refunded_amount), 0), min(paid_at), max(paid_at), "
                + "coalesce(sum(paid_amount), 0), coalesce(sum(refunded_amount), 0), "
                + "mode() WITHIN GROUP (ORDER BY currency)" + windows
                + " FROM orders WHERE customer_id = $1 AND paid_at IS NOT NULL";
        Uni<Row> totals = connection.preparedQuery(sql).execute(Tuple.of(customerId, now.atOffset(java.time.ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next());
        Uni<List<String>> categories = connection.preparedQuery("""
                SELECT i.category FROM order_item i JOIN orders o ON o.order_id = i.order_id
                WHERE o.customer_id = $1 AND o.paid_at IS NOT NULL
                GROUP BY i.category ORDER BY sum(i.quantity * i.unit_price - i.discount) DESC, i.category LIMIT 5""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    List<String> list = new ArrayList<>();
                    rows.forEach(r -> list.add(r.getString(0)));
                    return list;
                });
        return Uni.combine().all().unis(totals, categories).asTuple().map(t -> {
            Row r = t.getItem1();
            long paidOrders = r.getLong(0);
            BigDecimal net = r.getBigDecimal(1);
            BigDecimal paid = r.getBigDecimal(4);
            BigDecimal refunded = r.getBigDecimal(5);
            Map<String, Window> byWindow = new LinkedHashMap<>();
            for (int i = 0; i < WINDOW_DAYS.length; i++) {
                byWindow.put("d" + WINDOW_DAYS[i], new Window(WINDOW_DAYS[i], r.getLong(7 + 2 * i),
                        r.getBigDecimal(8 + 2 * i)));
            }
            return new OrderSummary(paidOrders, net,
                    paidOrders == 0 ? BigDecimal.ZERO : net.divide(BigDecimal.valueOf(paidOrders), 2, RoundingMode.HALF_UP),
                    instant(r.getOffsetDateTime(2)), instant(r.getOffsetDateTime(3)), byWindow,
                    paid.signum() == 0 ? BigDecimal.ZERO : refunded.divide(paid, 4, RoundingMode.HALF_UP),
                    r.getString(6), t.getItem2());
        });
    }

    private Uni<BehaviourSummary> behaviour(SqlConnection connection, String customerId) {
        return connection.preparedQuery("SELECT dimension, key, events, last_at FROM customer_activity WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).map(rows -> {
                    Map<String, Long> byBehaviour = new LinkedHashMap<>();
                    Map<String, Long> categories = new LinkedHashMap<>();
                    Map<String, Long> channels = new LinkedHashMap<>();
                    Map<String, Long> hours = new LinkedHashMap<>();
                    Map<String, Long> days = new LinkedHashMap<>();
                    long total = 0;
                    Instant lastSeen = null;
                    for (Row row : rows) {
                        String key = row.getString(1);
                        long events = row.getLong(2);
                        switch (row.getString(0)) {
                            case "behaviour" -> {
                                byBehaviour.put(key, events);
                                total += events;
                                Instant at = instant(row.getOffsetDateTime(3));
                                lastSeen = lastSeen == null || at.isAfter(lastSeen) ? at : lastSeen;
                            }
                            case "category" -> categories.put(key, events);
                            case "channel" -> channels.put(key, events);
                            case "hour" -> hours.put(key, events);
                            case "dow" -> days.put(key, events);
                            default -> {
                                // a dimension this version does not show
                            }
                        }
                    }
                    List<String> topChannel = top(channels, 1);
                    return new BehaviourSummary(total, byBehaviour, top(categories, 5),
                            topChannel.isEmpty() ? null : topChannel.get(0),
                            top(hours, 3).stream().map(Integer::valueOf).toList(),
                            top(days, 3).stream().map(Integer::valueOf).toList(), lastSeen);
                });
    }

    /** The {@code n} keys with the most events, ties broken by key for a stable answer. */
    static List<String> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

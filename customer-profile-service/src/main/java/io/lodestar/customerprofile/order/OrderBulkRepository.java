package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.lodestar.contracts.WireNames;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The orders of a bulk import, written with one statement per table for a whole batch (arrays through
 * {@code unnest}) on the caller's SQL connection and transaction: Hibernate's per-entity work is what half a
 * million imported lines would otherwise spend their time on. Writes exactly the rows {@link OrderRepository} does.
 */
@ApplicationScoped
public class OrderBulkRepository {

    /**
     * Takes the advisory locks that {@link OrderRepository#lockOrderId} takes, for all the ids, in one fixed order
     * (by lock key) so that two batches can never deadlock.
     */
    public Uni<Void> lockOrderIds(SqlConnection connection, List<String> orderIds) {
        return connection.preparedQuery("""
                SELECT pg_advisory_xact_lock($1, k.key)
                FROM (SELECT DISTINCT hashtext(id) AS key FROM unnest($2::text[]) AS id) k
                ORDER BY k.key""")
                .execute(Tuple.of(OrderRepository.ORDER_ID_LOCK, orderIds.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Which of these order ids exist already. */
    public Uni<Set<String>> findExistingIds(SqlConnection connection, List<String> orderIds) {
        return connection.preparedQuery("SELECT order_id FROM orders WHERE order_id = ANY($1::text[])")
                .execute(Tuple.of(orderIds.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> existing = new HashSet<>();
                    for (Row row : rows) {
                        existing.add(row.getString(0));
                    }
                    return existing;
                });
    }

    /** Inserts new orders (placed, or paid) with their lines. */
    public Uni<Void> insert(SqlConnection connection, List<Order> orders, List<OrderItem> items) {
        if (orders.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                INSERT INTO orders (order_id, customer_id, status, currency, subtotal_amount, line_discount_amount,
                                    discount_amount, total_amount, paid_amount, refunded_amount, coupon_code, channel,
                                    campaign_id, placed_at, paid_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::numeric[],
                                     $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[], $11::text[],
                                     $12::text[], $13::text[], $14::timestamptz[], $15::timestamptz[])""")
                .execute(Tuple.tuple(List.of(
                        column(orders, o -> o.orderId, String[]::new),
                        column(orders, o -> o.customerId, String[]::new),
                        column(orders, o -> WireNames.of(o.status), String[]::new),
                        column(orders, o -> o.currency, String[]::new),
                        column(orders, o -> o.subtotalAmount, BigDecimal[]::new),
                        column(orders, o -> o.lineDiscountAmount, BigDecimal[]::new),
                        column(orders, o -> o.discountAmount, BigDecimal[]::new),
                        column(orders, o -> o.totalAmount, BigDecimal[]::new),
                        column(orders, o -> o.paidAmount, BigDecimal[]::new),
                        column(orders, o -> o.refundedAmount, BigDecimal[]::new),
                        column(orders, o -> o.couponCode, String[]::new),
                        column(orders, o -> o.channel == null ? null : WireNames.of(o.channel), String[]::new),
                        column(orders, o -> o.campaignId, String[]::new),
                        column(orders, o -> utc(o.placedAt), OffsetDateTime[]::new),
                        column(orders, o -> utc(o.paidAt), OffsetDateTime[]::new))))
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO order_item (order_id, line_no, item_id, category, title, quantity, unit_price,
                                                discount)
                        SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[],
                                             $7::numeric[], $8::numeric[])""")
                        .execute(Tuple.tuple(List.of(
                                column(items, i -> i.orderId, String[]::new),
                                column(items, i -> i.lineNo, Integer[]::new),
                                column(items, i -> i.itemId, String[]::new),
                                column(items, i -> i.category, String[]::new),
                                column(items, i -> i.title, String[]::new),
                                column(items, i -> i.quantity, Integer[]::new),
                                column(items, i -> i.unitPrice, BigDecimal[]::new),
                                column(items, i -> i.discount, BigDecimal[]::new)))))
                .replaceWithVoid();
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, IntFunction<V[]> array) {
        V[] values = array.apply(rows.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return values;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

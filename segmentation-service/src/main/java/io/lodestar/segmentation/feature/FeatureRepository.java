package io.lodestar.segmentation.feature;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SQL of the customer facts and their lifetime aggregates ({@code V1__customer_features.sql}), on the caller's
 * connection so that a consumer's processed-event marker, the fact and the aggregate commit together. Plain SQL
 * rather than Hibernate: every statement is an upsert or a bulk re-key that an entity model would only slow down.
 */
@ApplicationScoped
public class FeatureRepository {

    /** The current id of {@code customerId} (its survivor if it was merged), or empty if the customer was erased. */
    public Uni<Optional<String>> resolve(SqlConnection connection, String customerId) {
        return connection.preparedQuery("""
                SELECT r.id, EXISTS (SELECT 1 FROM erased_customer e WHERE e.customer_id = r.id) AS erased
                FROM (SELECT coalesce((SELECT customer_id FROM customer_alias WHERE alias_id = $1), $1) AS id) r""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return row.getBoolean("erased") ? Optional.empty() : Optional.of(row.getString("id"));
                });
    }

    /** A paid order's row and its spend per category; false if the order was already recorded. */
    public Uni<Boolean> insertPaidOrder(SqlConnection connection, PaidOrderFact order) {
        return connection.preparedQuery("""
                INSERT INTO paid_order (order_id, customer_id, paid_at, paid_amount, discount_amount, channel, campaign_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_id) DO NOTHING""")
                .execute(Tuple.tuple(List.of(order.orderId(), order.customerId(), utc(order.paidAt()),
                        order.paidAmount(), order.discountAmount())).addValue(order.channel())
                        .addValue(order.campaignId()))
                .chain(inserted -> {
                    if (inserted.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    if (order.categorySpend().isEmpty()) {
                        return Uni.createFrom().item(true);
                    }
                    String[] categories = order.categorySpend().keySet().toArray(String[]::new);
                    BigDecimal[] amounts = order.categorySpend().values().toArray(BigDecimal[]::new);
                    return connection.preparedQuery("""
                            INSERT INTO paid_order_category (order_id, category, amount)
                            SELECT $1, c.category, c.amount FROM unnest($2::text[], $3::numeric[]) AS c(category, amount)""")
                            .execute(Tuple.of(order.orderId(), categories, amounts))
                            .replaceWith(true);
                });
    }

    /** Adds a newly recorded paid order to its customer's aggregates. */
    public Uni<Void> addPaidOrder(SqlConnection connection, PaidOrderFact order) {
        JsonObject categories = new JsonObject();
        order.categorySpend().forEach(categories::put);
        JsonObject channels = new JsonObject();
        if (order.channel() != null) {
            channels.put(order.channel(), 1);
        }
        return connection.preparedQuery("""
                INSERT INTO customer_feature AS f (customer_id, first_paid_at, last_paid_at, paid_orders, gross_spend,
                        discount_amount, category_spend, channel_counts, updated_at)
                VALUES ($1, $2, $2, 1, $3, $4, $5::jsonb, $6::jsonb, now())
                ON CONFLICT (customer_id) DO UPDATE SET
                    first_paid_at = least(f.first_paid_at, excluded.first_paid_at),
                    last_paid_at = greatest(f.last_paid_at, excluded.last_paid_at),
                    paid_orders = f.paid_orders + 1,
                    gross_spend = f.gross_spend + excluded.gross_spend,
                    discount_amount = f.discount_amount + excluded.discount_amount,
                    category_spend = jsonb_sum(f.category_spend, excluded.category_spend),
                    channel_counts = jsonb_sum(f.channel_counts, excluded.channel_counts),
                    updated_at = now()""")
                .execute(Tuple.of(order.customerId(), utc(order.paidAt()), order.paidAmount(), order.discountAmount(),
                        categories, channels))
                .replaceWithVoid();
    }

    /** A refund's row; false if this refund (by its event id) was already recorded. */
    public Uni<Boolean> insertRefund(SqlConnection connection, UUID refundId, String orderId, String customerId,
                                     Instant refundedAt, BigDecimal amount) {
        return connection.preparedQuery("""
                INSERT INTO order_refund (refund_id, order_id, customer_id, refunded_at, amount)
                VALUES ($1, $2, $3, $4, $5) ON CONFLICT (refund_id) DO NOTHING""")
                .execute(Tuple.of(refundId, orderId, customerId, utc(refundedAt), amount))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Deducts a newly recorded refund from its customer's net spend. */
    public Uni<Void> addRefund(SqlConnection connection, String customerId, BigDecimal amount) {
        return connection.preparedQuery("""
                INSERT INTO customer_feature AS f (customer_id, refunded_amount, updated_at) VALUES ($1, $2, now())
                ON CONFLICT (customer_id) DO UPDATE SET refunded_amount = f.refunded_amount + excluded.refunded_amount,
                    updated_at = now()""")
                .execute(Tuple.of(customerId, amount))
                .replaceWithVoid();
    }

    /** A behaviour event's row; false if it was already recorded. */
    public Uni<Boolean> insertBehaviour(SqlConnection connection, BehaviourFact event) {
        return connection.preparedQuery("""
                INSERT INTO behaviour_event (event_id, customer_id, behaviour, channel, item_id, category, occurred_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING""")
                .execute(Tuple.tuple(List.of(event.eventId(), event.customerId(), WireNames.of(event.behaviour()),
                        event.channel())).addValue(event.itemId()).addValue(event.category())
                        .addValue(utc(event.occurredAt())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Adds a newly recorded behaviour event to its customer's counters, channel and hour profile. */
    public Uni<Void> addBehaviour(SqlConnection connection, BehaviourFact event) {
        Optional<BehaviourCounter> counter = BehaviourCounter.of(event.behaviour());
        // The column name comes from the BehaviourCounter enum, never from input.
        String column = counter.map(BehaviourCounter::column).orElse(null);
        String insertColumn = column == null ? "" : ", " + column;
        String insertValue = column == null ? "" : ", 1";
        String update = column == null ? "" : column + " = f." + column + " + 1,";
        String hour = Integer.toString(event.occurredAt().atOffset(ZoneOffset.UTC).getHour());
        return connection.preparedQuery("""
                INSERT INTO customer_feature AS f (customer_id, last_event_at, channel_counts, hour_counts, updated_at%s)
                VALUES ($1, $2, $3::jsonb, $4::jsonb, now()%s)
                ON CONFLICT (customer_id) DO UPDATE SET %s
                    last_event_at = greatest(f.last_event_at, excluded.last_event_at),
                    channel_counts = jsonb_sum(f.channel_counts, excluded.channel_counts),
                    hour_counts = jsonb_sum(f.hour_counts, excluded.hour_counts),
                    updated_at = now()""".formatted(insertColumn, insertValue, update))
                .execute(Tuple.of(event.customerId(), utc(event.occurredAt()),
                        new JsonObject().put(event.channel(), 1), new JsonObject().put(hour, 1)))
                .replaceWithVoid();
    }

    /**
     * Stores a profile snapshot unless a newer one is already stored, and makes sure the customer has a feature
     * row (a registered customer who never ordered is still a member of "no order yet" segments).
     */
    public Uni<Void> upsertAttributes(SqlConnection connection, CustomerUpserted customer) {
        Tuple values = Tuple.tuple(List.of(customer.customerId()))
                .addValue(customer.gender() == null ? null : WireNames.of(customer.gender()))
                .addValue(customer.birthDate())
                .addValue(customer.cityTier() == null ? null : WireNames.of(customer.cityTier()))
                .addValue(customer.region())
                .addValue(customer.province())
                .addValue(customer.memberTier() == null ? null : WireNames.of(customer.memberTier()))
                .addValue(customer.registrationChannel() == null ? null : WireNames.of(customer.registrationChannel()))
                .addValue(customer.registeredAt() == null ? null : utc(customer.registeredAt()))
                .addValue(utc(customer.updatedAt()));
        return connection.preparedQuery("""
                INSERT INTO customer_attributes AS a (customer_id, gender, birth_date, city_tier, region, province,
                        member_tier, registration_channel, registered_at, source_updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (customer_id) DO UPDATE SET gender = excluded.gender, birth_date = excluded.birth_date,
                    city_tier = excluded.city_tier, region = excluded.region, province = excluded.province,
                    member_tier = excluded.member_tier, registration_channel = excluded.registration_channel,
                    registered_at = excluded.registered_at, source_updated_at = excluded.source_updated_at
                WHERE a.source_updated_at <= excluded.source_updated_at""")
                .execute(values)
                .chain(() -> connection.preparedQuery(
                                "INSERT INTO customer_feature (customer_id) VALUES ($1) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(customer.customerId())))
                .replaceWithVoid();
    }

    /**
     * Moves everything of {@code mergedId} to {@code survivorId}: its facts, its aliases (so a chain of merges
     * resolves in one step) and, where the survivor has none, its profile; then recomputes the survivor's
     * aggregates from the facts. Running it again finds nothing left to move and recomputes the same row.
     */
    public Uni<Void> merge(SqlConnection connection, String survivorId, String mergedId, Instant mergedAt) {
        Tuple ids = Tuple.of(survivorId, mergedId);
        return connection.preparedQuery("""
                INSERT INTO customer_alias (alias_id, customer_id, merged_at) VALUES ($2, $1, $3)
                ON CONFLICT (alias_id) DO UPDATE SET customer_id = excluded.customer_id, merged_at = excluded.merged_at""")
                .execute(Tuple.of(survivorId, mergedId, utc(mergedAt)))
                .chain(() -> execute(connection, "UPDATE customer_alias SET customer_id = $1 WHERE customer_id = $2", ids))
                .chain(() -> execute(connection, "UPDATE paid_order SET customer_id = $1 WHERE customer_id = $2", ids))
                .chain(() -> execute(connection, "UPDATE order_refund SET customer_id = $1 WHERE customer_id = $2", ids))
                .chain(() -> execute(connection, "UPDATE behaviour_event SET customer_id = $1 WHERE customer_id = $2",
                        ids))
                .chain(() -> execute(connection, """
                        UPDATE customer_attributes SET customer_id = $1 WHERE customer_id = $2
                            AND NOT EXISTS (SELECT 1 FROM customer_attributes s WHERE s.customer_id = $1)""", ids))
                .chain(() -> execute(connection, "DELETE FROM customer_attributes WHERE customer_id = $1",
                        Tuple.of(mergedId)))
                .chain(() -> execute(connection, "DELETE FROM customer_feature WHERE customer_id = $1",
                        Tuple.of(mergedId)))
                .chain(() -> rebuild(connection, survivorId));
    }

    /**
     * Forgets a customer: facts, aggregates, profile, scores, assignments and stored tags (so no later run publishes a
     * membership change about them); later facts about the id are dropped.
     */
    public Uni<Void> erase(SqlConnection connection, String customerId, Instant erasedAt) {
        Tuple id = Tuple.of(customerId);
        return connection.preparedQuery(
                        "INSERT INTO erased_customer (customer_id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(customerId, utc(erasedAt)))
                .chain(() -> execute(connection, "DELETE FROM paid_order WHERE customer_id = $1", id))
                .chain(() -> execute(connection, "DELETE FROM order_refund WHERE customer_id = $1", id))
                .chain(() -> execute(connection, "DELETE FROM behaviour_event WHERE customer_id = $1", id))
                .chain(() -> execute(connection, "DELETE FROM customer_attributes WHERE customer_id = $1", id))
                .chain(() -> execute(connection, "DELETE FROM customer_feature WHERE customer_id = $1", id))
                .chain(() -> execute(connection, "DELETE FROM customer_alias WHERE customer_id = $1", id))
                .chain(() -> execute(connection, "DELETE FROM rfm_score WHERE customer_id = $1", id))
                .chain(() -> execute(connection, "DELETE FROM customer_assignment WHERE customer_id = $1", id))
                .chain(() -> execute(connection, "DELETE FROM customer_tag WHERE customer_id = $1", id));
    }

    /**
     * Recomputes a customer's aggregates from the fact tables. The incremental updates above must always agree
     * with it; the merge uses it, and so do the tests that check they agree.
     */
    public Uni<Void> rebuild(SqlConnection connection, String customerId) {
        return connection.preparedQuery("""
                INSERT INTO customer_feature AS f (customer_id, first_paid_at, last_paid_at, paid_orders, gross_spend,
                        refunded_amount, discount_amount, %1$s, last_event_at, category_spend, channel_counts,
                        hour_counts, updated_at)
                SELECT $1, o.first_paid_at, o.last_paid_at, o.paid_orders, o.gross_spend, r.refunded_amount,
                       o.discount_amount, %2$s, b.last_event_at,
                       coalesce((SELECT jsonb_object_agg(category, total) FROM (
                                 SELECT c.category, sum(c.amount) AS total FROM paid_order_category c
                                 JOIN paid_order p ON p.order_id = c.order_id WHERE p.customer_id = $1
                                 GROUP BY c.category) s), '{}'::jsonb),
                       coalesce((SELECT jsonb_object_agg(channel, n) FROM (
                                 SELECT channel, count(*) AS n FROM (
                                     SELECT channel FROM behaviour_event WHERE customer_id = $1
                                     UNION ALL
                                     SELECT channel FROM paid_order WHERE customer_id = $1 AND channel IS NOT NULL) ch
                                 GROUP BY channel) s), '{}'::jsonb),
                       coalesce((SELECT jsonb_object_agg(hour, n) FROM (
                                 SELECT extract(hour FROM occurred_at AT TIME ZONE 'UTC')::int::text AS hour,
                                        count(*) AS n
                                 FROM behaviour_event WHERE customer_id = $1 GROUP BY 1) s), '{}'::jsonb),
                       now()
                FROM (SELECT min(paid_at) AS first_paid_at, max(paid_at) AS last_paid_at, count(*) AS paid_orders,
                             coalesce(sum(paid_amount), 0) AS gross_spend,
                             coalesce(sum(discount_amount), 0) AS discount_amount
                      FROM paid_order WHERE customer_id = $1) o,
                     (SELECT coalesce(sum(amount), 0) AS refunded_amount FROM order_refund WHERE customer_id = $1) r,
                     (SELECT %3$s, max(occurred_at) AS last_event_at
                      FROM behaviour_event WHERE customer_id = $1) b
                ON CONFLICT (customer_id) DO UPDATE SET first_paid_at = excluded.first_paid_at,
                    last_paid_at = excluded.last_paid_at, paid_orders = excluded.paid_orders,
                    gross_spend = excluded.gross_spend, refunded_amount = excluded.refunded_amount,
                    discount_amount = excluded.discount_amount, %4$s, last_event_at = excluded.last_event_at,
                    category_spend = excluded.category_spend, channel_counts = excluded.channel_counts,
                    hour_counts = excluded.hour_counts, updated_at = now()"""
                        .formatted(BehaviourCounter.columns(""), BehaviourCounter.columns("b."),
                                BehaviourCounter.countsOverBehaviourEvents(), BehaviourCounter.replacedByExcluded()))
                .execute(Tuple.of(customerId))
                .replaceWithVoid();
    }

    private static Uni<Void> execute(SqlConnection connection, String sql, Tuple params) {
        return connection.preparedQuery(sql).execute(params).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** One customer's features as the view derives them, or empty if segmentation has no fact about them. */
    public Uni<Optional<CustomerFeaturesView>> find(SqlConnection connection, String customerId) {
        return connection.preparedQuery("SELECT * FROM customer_feature_view WHERE customer_id = $1")
                .execute(Tuple.of(customerId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(toView(rows.iterator().next())));
    }

    private static CustomerFeaturesView toView(Row row) {
        Map<String, Integer> behaviour = new LinkedHashMap<>();
        for (BehaviourCounter counter : BehaviourCounter.values()) {
            behaviour.put(counter.column(), row.getInteger(counter.column()));
        }
        CustomerFeaturesView.Attributes attributes = row.getOffsetDateTime("attributes_updated_at") == null ? null
                : new CustomerFeaturesView.Attributes(row.getString("gender"), row.getLocalDate("birth_date"),
                        row.getString("city_tier"), row.getString("region"), row.getString("member_tier"),
                        row.getString("registration_channel"), instant(row.getOffsetDateTime("registered_at")));
        return new CustomerFeaturesView(row.getString("customer_id"), instant(row.getOffsetDateTime("first_paid_at")),
                instant(row.getOffsetDateTime("last_paid_at")), row.getInteger("paid_orders"),
                row.getBigDecimal("gross_spend"), row.getBigDecimal("refunded_amount"), row.getBigDecimal("net_spend"),
                row.getBigDecimal("avg_order_value"), row.getBigDecimal("discount_share"),
                row.getBigDecimal("cart_abandonment_rate"), behaviour, instant(row.getOffsetDateTime("last_event_at")),
                numbers(row.getJsonObject("category_spend"), BigDecimal::new),
                numbers(row.getJsonObject("channel_counts"), Integer::valueOf),
                numbers(row.getJsonObject("hour_counts"), Integer::valueOf),
                row.getString("preferred_channel"), row.getString("top_category"), attributes);
    }

    private static <N> Map<String, N> numbers(JsonObject json, Function<String, N> parse) {
        Map<String, N> out = new TreeMap<>();
        json.forEach(e -> out.put(e.getKey(), parse.apply(e.getValue().toString())));
        return out;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

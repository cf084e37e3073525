package io.lodestar.recommendation.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.UUID;

import io.lodestar.contracts.customer.AgeBand;
import io.lodestar.contracts.customer.GuestCustomers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * The SQL of interactions, hidden items, profile context and identity changes ({@code V1__catalogue_and_interactions.sql})
 * on the caller's connection, so a consumer's processed-event marker and its rows commit together.
 */
@ApplicationScoped
public class InteractionRepository {

    /** The current id of {@code customerId} (its survivor if it was merged), or empty if the customer was erased. */
    public Uni<Optional<String>> resolve(SqlClient client, String customerId) {
        return client.preparedQuery("""
                SELECT r.id, EXISTS (SELECT 1 FROM erased_customer e WHERE e.customer_id = r.id) AS erased
                FROM (SELECT coalesce((SELECT customer_id FROM customer_alias WHERE alias_id = $1), $1) AS id) r""")
                .execute(Tuple.of(customerId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return row.getBoolean("erased") ? Optional.empty() : Optional.of(row.getString("id"));
                });
    }

    /**
     * Inserts interactions; rows already recorded (same event and item) are left as they are. Returns the items whose
     * row this call wrote, so that what is counted per row is counted once.
     */
    public Uni<Set<String>> insert(SqlClient client, List<Interaction> interactions) {
        if (interactions.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Tuple> tuples = interactions.stream().map(i -> Tuple.tuple(Arrays.asList(i.eventId(),
                i.itemId(), i.customerId(), i.kind().wire(), i.quantity(), i.channel(), i.orderId(),
                utc(i.occurredAt())))).toList();
        return client.preparedQuery("""
                INSERT INTO interaction (event_id, item_id, customer_id, kind, quantity, channel, order_id, occurred_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id, item_id) DO NOTHING
                RETURNING item_id""")
                .executeBatch(tuples).map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    for (RowSet<Row> set = rows; set != null; set = set.next()) {
                        set.forEach(row -> inserted.add(row.getString("item_id")));
                    }
                    return inserted;
                });
    }

    /** The items and units of a paid order (for a refund that names no lines: the whole order comes back). */
    public Uni<List<Interaction>> orderLines(SqlClient client, String orderId) {
        return client.preparedQuery("""
                SELECT event_id, customer_id, item_id, kind, quantity, channel, order_id, occurred_at
                FROM interaction WHERE order_id = $1 AND kind = 'order' ORDER BY item_id""")
                .execute(Tuple.of(orderId)).map(InteractionRepository::interactions);
    }

    /** A customer's latest interactions since {@code since}, newest first, at most {@code limit}. */
    public Uni<List<Interaction>> latest(SqlClient client, String customerId, Instant since, int limit) {
        return client.preparedQuery("""
                SELECT event_id, customer_id, item_id, kind, quantity, channel, order_id, occurred_at
                FROM interaction WHERE customer_id = $1 AND occurred_at >= $2
                ORDER BY occurred_at DESC LIMIT $3""")
                .execute(Tuple.of(customerId, utc(since), limit)).map(InteractionRepository::interactions);
    }

    /**
     * Customers (not guests) with an interaction since {@code since}, the most recently active first, at most
     * {@code limit}.
     */
    public Uni<List<String>> activeCustomers(SqlClient client, Instant since, int limit) {
        return client.preparedQuery("""
                SELECT customer_id FROM interaction WHERE occurred_at >= $1 AND customer_id NOT LIKE $2
                GROUP BY customer_id ORDER BY max(occurred_at) DESC, customer_id LIMIT $3""")
                .execute(Tuple.of(utc(since), GuestCustomers.PREFIX + "%", limit)).map(rows -> {
                    List<String> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getString("customer_id")));
                    return ids;
                });
    }

    /** Items the customer asked not to see again. */
    public Uni<Set<String>> hiddenItems(SqlClient client, String customerId) {
        return client.preparedQuery("SELECT item_id FROM hidden_item WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).map(rows -> {
                    Set<String> items = new HashSet<>();
                    rows.forEach(row -> items.add(row.getString("item_id")));
                    return items;
                });
    }

    /** Records "not interested"; false if the item was already hidden. */
    public Uni<Boolean> hide(SqlClient client, String customerId, String itemId, Instant at) {
        return client.preparedQuery("""
                INSERT INTO hidden_item (customer_id, item_id, hidden_at) VALUES ($1, $2, $3)
                ON CONFLICT DO NOTHING""").execute(Tuple.of(customerId, itemId, utc(at)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> unhide(SqlClient client, String customerId, String itemId) {
        return client.preparedQuery("DELETE FROM hidden_item WHERE customer_id = $1 AND item_id = $2")
                .execute(Tuple.of(customerId, itemId)).map(rows -> rows.rowCount() == 1);
    }

    /** Removes the "not interested" interaction a hide recorded, so an unhide also forgives it in training. */
    public Uni<Void> deleteNotInterested(SqlClient client, String customerId, String itemId) {
        return client.preparedQuery("""
                DELETE FROM interaction WHERE customer_id = $1 AND item_id = $2 AND kind = 'not_interested'""")
                .execute(Tuple.of(customerId, itemId)).replaceWithVoid();
    }

    /** A profile snapshot's region and birth date, unless an older snapshot arrives after a newer one. */
    public Uni<Void> upsertContext(SqlClient client, String customerId, String region, LocalDate birthDate,
                                   Instant sourceUpdatedAt) {
        return client.preparedQuery("""
                INSERT INTO customer_context (customer_id, region, birth_date, source_updated_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (customer_id) DO UPDATE SET region = excluded.region, birth_date = excluded.birth_date,
                    source_updated_at = excluded.source_updated_at
                WHERE customer_context.source_updated_at <= excluded.source_updated_at""")
                .execute(Tuple.of(customerId, region, birthDate, utc(sourceUpdatedAt))).replaceWithVoid();
    }

    /** Region and birth date of a customer, if a profile arrived. */
    public Uni<Optional<CustomerContext>> context(SqlClient client, String customerId) {
        return client.preparedQuery("SELECT region, birth_date FROM customer_context WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new CustomerContext(row.getString("region"), row.getLocalDate("birth_date")));
                });
    }

    /**
     * Moves everything of {@code mergedId} to {@code survivorId} and remembers the alias, so later events about the
     * merged id land on the survivor. Aliases that pointed at the merged id now point at the survivor.
     */
    public Uni<Void> merge(SqlClient client, String survivorId, String mergedId, Instant mergedAt) {
        Tuple ids = Tuple.of(survivorId, mergedId);
        return client.preparedQuery("UPDATE interaction SET customer_id = $1 WHERE customer_id = $2").execute(ids)
                .chain(() -> client.preparedQuery("""
                        INSERT INTO hidden_item (customer_id, item_id, hidden_at)
                        SELECT $1, item_id, hidden_at FROM hidden_item WHERE customer_id = $2
                        ON CONFLICT DO NOTHING""").execute(ids))
                .chain(() -> client.preparedQuery("DELETE FROM hidden_item WHERE customer_id = $2 AND $1 <> $2")
                        .execute(ids))
                // The survivor's own profile wins; the merged id's context is only a fallback.
                .chain(() -> client.preparedQuery("""
                        INSERT INTO customer_context (customer_id, region, birth_date, source_updated_at)
                        SELECT $1, region, birth_date, source_updated_at FROM customer_context WHERE customer_id = $2
                        ON CONFLICT DO NOTHING""").execute(ids))
                .chain(() -> client.preparedQuery("DELETE FROM customer_context WHERE customer_id = $2 AND $1 <> $2")
                        .execute(ids))
                .chain(() -> client.preparedQuery("UPDATE customer_alias SET customer_id = $1 WHERE customer_id = $2")
                        .execute(ids))
                .chain(() -> client.preparedQuery("""
                        INSERT INTO customer_alias (alias_id, customer_id, merged_at) VALUES ($2, $1, $3)
                        ON CONFLICT (alias_id) DO UPDATE SET customer_id = excluded.customer_id""")
                        .execute(Tuple.of(survivorId, mergedId, utc(mergedAt))))
                .replaceWithVoid();
    }

    /** Forgets a customer: interactions, hidden items, profile context and aliases; later events are dropped. */
    public Uni<Void> erase(SqlClient client, String customerId, Instant erasedAt) {
        Tuple id = Tuple.of(customerId);
        return client.preparedQuery("DELETE FROM interaction WHERE customer_id = $1").execute(id)
                .chain(() -> client.preparedQuery("DELETE FROM hidden_item WHERE customer_id = $1").execute(id))
                .chain(() -> client.preparedQuery("DELETE FROM customer_context WHERE customer_id = $1").execute(id))
                .chain(() -> client.preparedQuery("DELETE FROM customer_alias WHERE customer_id = $1").execute(id))
                .chain(() -> client.preparedQuery("""
                        INSERT INTO erased_customer (customer_id, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING""")
                        .execute(Tuple.of(customerId, utc(erasedAt))))
                .replaceWithVoid();
    }

    static List<Interaction> interactions(Iterable<Row> rows) {
        List<Interaction> result = new ArrayList<>();
        for (Row row : rows) {
            result.add(interaction(row));
        }
        return result;
    }

    static Interaction interaction(Row row) {
        return new Interaction(row.getUUID("event_id"), row.getString("customer_id"), row.getString("item_id"),
                InteractionKind.ofWire(row.getString("kind")), row.getInteger("quantity"), row.getString("channel"),
                row.getString("order_id"), row.getOffsetDateTime("occurred_at").toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** What cold start knows of a customer's profile. */
    public record CustomerContext(String region, LocalDate birthDate) {

        /** The age band label today (e.g. {@code 25-34}), or null without a birth date. */
        public String ageBand(LocalDate today) {
            return birthDate == null ? null : AgeBand.of(Math.max(0, AgeBand.age(birthDate, today))).label();
        }
    }

    /** The event id of the interaction a hide records: one per customer and item, so a repeated hide is one row. */
    public static UUID notInterestedEventId(String customerId, String itemId) {
        return UUID.nameUUIDFromBytes(("not-interested:" + customerId + ":" + itemId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

package io.lodestar.segmentation.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.platform.persistence.SqlTimes;
import io.lodestar.segmentation.analytics.TrafficBatch.CustomerDay;
import io.lodestar.segmentation.analytics.TrafficBatch.CustomerSlot;
import io.lodestar.segmentation.analytics.TrafficBatch.FunnelKey;
import io.lodestar.segmentation.analytics.TrafficBatch.HourChannel;
import io.lodestar.segmentation.analytics.TrafficBatch.PaidOrder;
import io.lodestar.segmentation.analytics.TrafficBatch.Touch;
import io.lodestar.segmentation.analytics.TrafficBatch.VisitorScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SQL of the traffic aggregates ({@code V7__traffic_funnel_heatmap.sql}, {@code V9__funnel_session_windows.sql}):
 * per Kafka batch, the stored offsets, the current ids of the batch's customers and one multi-row upsert per table
 * (called inside the batch's transaction); the re-keying of a customer's rows on a merge or an erasure (called inside
 * the identity consumer's transaction); and the read-only queries of the traffic, funnel, paths and heatmap figures.
 * Every input is a bound parameter.
 * <p>
 * A batch takes {@link #IDENTITY_LOCK} shared before it looks up the current ids, a merge or an erasure takes it
 * exclusively before it re-keys: a batch that read the ids before the merge committed has committed its rows before
 * the merge moves them, and a later batch sees the merge. Batches do not wait for each other.
 */
@ApplicationScoped
public class TrafficRepository {

    /** A figure of one UTC hour. */
    public record HourlyCount(Instant hour, long count) {
    }

    /** Page views, interactions and new visitors of one UTC day. */
    record DayTraffic(LocalDate day, long pageViews, long interactions, long newVisitors) {
    }

    /** Customers who reached one combination of funnel steps in one day x channel x category. */
    record FunnelRow(LocalDate day, String channel, String category, int steps, long customers) {
    }

    /** Customers whose first touch of the period was {@code firstTouch}, and of them those who ordered through {@code orderChannel}. */
    record PathRow(String firstTouch, String orderChannel, long touched, long converted) {
    }

    /** Interactions and paid orders of one channel in one local day of week (1 Monday .. 7) and hour. */
    record HeatCell(String channel, int dayOfWeek, int hour, long interactions, long orders) {
    }

    /** Interactions and orders in one hour of the week (0 Monday 00:00 .. 167). */
    record SlotRow(int hourOfWeek, long interactions, long orders) {
    }

    /**
     * The advisory lock between traffic batches (shared) and the identity changes that re-key traffic rows
     * (exclusive); ASCII "trafid". It is transaction-scoped, released at commit or rollback.
     */
    static final long IDENTITY_LOCK = 0x747261666964L;

    private static final String LOCK_IDENTITIES_SHARED =
            "SELECT true FROM (SELECT pg_advisory_xact_lock_shared($1)) AS locked";
    private static final String LOCK_IDENTITIES =
            "SELECT true FROM (SELECT pg_advisory_xact_lock($1)) AS locked";
    // The ids of the batch that are not current: merged ones (to their survivor, which customer_alias keeps current
    // through chains of merges) and erased ones (the feature consumer's resolution, for many ids at once).
    private static final String CURRENT_IDS = """
            SELECT r.id, r.current, EXISTS (SELECT 1 FROM erased_customer e WHERE e.customer_id = r.current) AS erased
            FROM (SELECT i.id, coalesce(a.customer_id, i.id) AS current
                  FROM unnest($1::text[]) AS i(id) LEFT JOIN customer_alias a ON a.alias_id = i.id) r
            WHERE r.current <> r.id OR EXISTS (SELECT 1 FROM erased_customer e WHERE e.customer_id = r.current)""";

    // Locks the batch's offset rows (creating them at -1) and returns them: a record at or below is already applied.
    private static final String LOCK_OFFSETS = """
            INSERT INTO traffic_consumer_offset (consumer, topic, partition, last_offset)
            SELECT $1, $2, p, -1 FROM unnest($3::int[]) AS p
            ON CONFLICT (consumer, topic, partition) DO UPDATE SET last_offset = traffic_consumer_offset.last_offset
            RETURNING partition, last_offset""";
    private static final String ADVANCE_OFFSETS = """
            UPDATE traffic_consumer_offset o SET last_offset = t.last_offset
            FROM unnest($3::int[], $4::bigint[]) AS t(partition, last_offset)
            WHERE o.consumer = $1 AND o.topic = $2 AND o.partition = t.partition AND o.last_offset < t.last_offset""";
    // A behaviour batch and an orders batch run at once and share rows (a customer's slot, the hour, their funnel
    // window): both write customer_slot_activity, then traffic_hourly, then funnel_reach, each in key order, so that
    // neither waits for a row the other locked after one it wants.
    private static final String ADD_HOURLY = """
            INSERT INTO traffic_hourly (hour, channel, page_views, interactions)
            SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::bigint[], $4::bigint[]) ORDER BY 1, 2
            ON CONFLICT (hour, channel) DO UPDATE SET page_views = traffic_hourly.page_views + excluded.page_views,
                interactions = traffic_hourly.interactions + excluded.interactions""";
    // A visitor's first day only moves earlier; each move takes one visitor off the old day's count and adds one to
    // the new day's (all CTEs read the snapshot before the statement, so "prior" holds the old days).
    private static final String ADD_FIRST_SEEN = """
            WITH input AS (
                SELECT * FROM unnest($1::text[], $2::text[], $3::date[]) AS t(visitor_id, scope, first_day)),
            prior AS (
                SELECT f.visitor_id, f.scope, f.first_day FROM visitor_first_seen f JOIN input USING (visitor_id, scope)),
            moved AS (
                INSERT INTO visitor_first_seen (visitor_id, scope, first_day) SELECT * FROM input
                ON CONFLICT (visitor_id, scope) DO UPDATE SET first_day = excluded.first_day
                WHERE excluded.first_day < visitor_first_seen.first_day
                RETURNING visitor_id, scope, first_day),
            delta AS (
                SELECT first_day AS day, scope, 1 AS n FROM moved
                UNION ALL
                SELECT p.first_day, p.scope, -1 FROM moved m JOIN prior p USING (visitor_id, scope)),
            sums AS (
                SELECT day, scope, sum(n) AS n FROM delta GROUP BY day, scope),
            -- A day that loses visitors to an earlier one already has its row. It is lowered by an UPDATE: an INSERT
            -- would offer the negative sum as a new row, which CHECK (visitors >= 0) refuses before ON CONFLICT
            -- turns it into an update (a late event then stopped the consumer for good).
            lowered AS (
                UPDATE traffic_new_visitors t SET visitors = t.visitors + s.n
                FROM sums s WHERE s.n < 0 AND t.day = s.day AND t.scope = s.scope)
            INSERT INTO traffic_new_visitors (day, scope, visitors)
            SELECT day, scope, n FROM sums WHERE n > 0
            ON CONFLICT (day, scope) DO UPDATE SET visitors = traffic_new_visitors.visitors + excluded.visitors""";
    // How a customer's steps in a window combine with the steps already stored: a bitwise OR. A merge combines the
    // merged id's rows with the survivor's by the same rule.
    private static final String FUNNEL_COMBINE = """
            ON CONFLICT (window_start, channel, category, customer_id)
            DO UPDATE SET steps = funnel_reach.steps | excluded.steps
            WHERE funnel_reach.steps | excluded.steps <> funnel_reach.steps""";
    private static final String ADD_FUNNEL = """
            INSERT INTO funnel_reach (window_start, channel, category, customer_id, steps)
            SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::smallint[])
            ORDER BY 1, 2, 3, 4
            """ + FUNNEL_COMBINE;
    // The day's first touch is the earliest one (on a tie, the stored one stays).
    private static final String TOUCH_COMBINE = """
            ON CONFLICT (customer_id, day) DO UPDATE SET first_at = excluded.first_at, channel = excluded.channel
            WHERE excluded.first_at < customer_day_touch.first_at""";
    private static final String ADD_TOUCHES = """
            INSERT INTO customer_day_touch (customer_id, day, first_at, channel)
            SELECT * FROM unnest($1::text[], $2::date[], $3::timestamptz[], $4::text[])
            """ + TOUCH_COMBINE;
    private static final String ADD_SLOT_INTERACTIONS = """
            INSERT INTO customer_slot_activity (customer_id, hour_of_week, interactions)
            SELECT * FROM unnest($1::text[], $2::smallint[], $3::bigint[]) ORDER BY 1, 2
            ON CONFLICT (customer_id, hour_of_week)
            DO UPDATE SET interactions = customer_slot_activity.interactions + excluded.interactions""";

    // A merge ($2 into the survivor $1): each statement moves the merged id's rows of one table and combines those that
    // collide with the survivor's own, as adding them would. Running it again finds nothing left to move.
    private static final String MERGE_FUNNEL = """
            WITH moved AS (
                DELETE FROM funnel_reach WHERE customer_id = $2 RETURNING window_start, channel, category, steps)
            INSERT INTO funnel_reach (window_start, channel, category, customer_id, steps)
            SELECT window_start, channel, category, $1::text, steps FROM moved
            """ + FUNNEL_COMBINE;
    private static final String MERGE_TOUCHES = """
            WITH moved AS (DELETE FROM customer_day_touch WHERE customer_id = $2 RETURNING day, first_at, channel)
            INSERT INTO customer_day_touch (customer_id, day, first_at, channel)
            SELECT $1::text, day, first_at, channel FROM moved
            """ + TOUCH_COMBINE;
    private static final String MERGE_SLOTS = """
            WITH moved AS (
                DELETE FROM customer_slot_activity WHERE customer_id = $2 RETURNING hour_of_week, interactions, orders)
            INSERT INTO customer_slot_activity (customer_id, hour_of_week, interactions, orders)
            SELECT $1::text, hour_of_week, interactions, orders FROM moved
            ON CONFLICT (customer_id, hour_of_week)
            DO UPDATE SET interactions = customer_slot_activity.interactions + excluded.interactions,
                orders = customer_slot_activity.orders + excluded.orders""";
    private static final String MERGE_PAID_ORDERS = "UPDATE paid_order_touch SET customer_id = $1 WHERE customer_id = $2";
    // The two ids are one visitor from now on: per scope the earlier first day stays, and where both had one the later
    // day counts one new visitor fewer (all CTEs read the snapshot before the statement, so "prior" holds the
    // survivor's days before the move).
    private static final String MERGE_FIRST_SEEN = """
            WITH moved AS (
                DELETE FROM visitor_first_seen WHERE visitor_id = $2 RETURNING scope, first_day),
            prior AS (
                SELECT scope, first_day FROM visitor_first_seen WHERE visitor_id = $1),
            kept AS (
                INSERT INTO visitor_first_seen (visitor_id, scope, first_day) SELECT $1::text, scope, first_day FROM moved
                ON CONFLICT (visitor_id, scope) DO UPDATE SET first_day = excluded.first_day
                WHERE excluded.first_day < visitor_first_seen.first_day)
            UPDATE traffic_new_visitors n SET visitors = n.visitors - 1
            FROM moved m JOIN prior p USING (scope)
            WHERE n.scope = m.scope AND n.day = greatest(m.first_day, p.first_day)""";
    // Orders count once per order id, however often order.paid arrives: only newly stored orders add to the counts.
    // The slots are written before the hours (the order of ADD_*): the hourly insert's one-time filter reads the slot
    // CTE to its end before the first hour is written, where the CTEs of a statement would otherwise run in any order.
    private static final String ADD_PAID_ORDERS = """
            WITH inserted AS (
                INSERT INTO paid_order_touch (order_id, customer_id, paid_at, channel)
                SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[])
                ON CONFLICT (order_id) DO NOTHING
                RETURNING customer_id, paid_at, channel),
            slots AS (
                INSERT INTO customer_slot_activity (customer_id, hour_of_week, orders)
                SELECT customer_id, ((extract(isodow FROM paid_at AT TIME ZONE $5::text) - 1) * 24
                                     + extract(hour FROM paid_at AT TIME ZONE $5::text))::smallint, count(*)
                FROM inserted GROUP BY 1, 2 ORDER BY 1, 2
                ON CONFLICT (customer_id, hour_of_week)
                DO UPDATE SET orders = customer_slot_activity.orders + excluded.orders
                RETURNING 1)
            INSERT INTO traffic_hourly (hour, channel, orders)
            SELECT date_trunc('hour', paid_at, 'UTC'), channel, count(*) FROM inserted
            WHERE channel IS NOT NULL AND (SELECT count(*) FROM slots) >= 0
            GROUP BY 1, 2 ORDER BY 1, 2
            ON CONFLICT (hour, channel) DO UPDATE SET orders = traffic_hourly.orders + excluded.orders""";

    private static final String HOURLY_PAGE_VIEWS = """
            SELECT hour, sum(page_views) AS n FROM traffic_hourly
            WHERE hour >= $1 AND hour < $2 AND ($3::text IS NULL OR channel = $3)
            GROUP BY hour ORDER BY hour""";
    private static final String DAY_TRAFFIC = """
            WITH hours AS (
                SELECT (hour AT TIME ZONE 'UTC')::date AS day, sum(page_views) AS page_views,
                       sum(interactions) AS interactions
                FROM traffic_hourly
                WHERE hour >= $1::date AT TIME ZONE 'UTC' AND hour < ($2::date + 1) AT TIME ZONE 'UTC'
                  AND ($3::text IS NULL OR channel = $3)
                GROUP BY 1),
            fresh AS (
                SELECT day, visitors FROM traffic_new_visitors
                WHERE day BETWEEN $1 AND $2 AND scope = coalesce($3::text, 'all') AND visitors > 0)
            SELECT coalesce(h.day, f.day) AS day, coalesce(h.page_views, 0) AS page_views,
                   coalesce(h.interactions, 0) AS interactions, coalesce(f.visitors, 0) AS new_visitors
            FROM hours h FULL JOIN fresh f ON f.day = h.day ORDER BY 1""";
    // A day's funnel is the sum of its session windows: a customer in two windows of the day counts twice.
    private static final String FUNNEL = """
            SELECT (window_start AT TIME ZONE 'UTC')::date AS day, channel, category, steps, count(*) AS customers
            FROM funnel_reach
            WHERE window_start >= $1::date AT TIME ZONE 'UTC' AND window_start < ($2::date + 1) AT TIME ZONE 'UTC'
              AND ($3::text IS NULL OR channel = $3) AND ($4::text IS NULL OR category = $4)
            GROUP BY 1, channel, category, steps ORDER BY 1, channel, category""";
    // Each customer's first touch of the period; converted when a paid order with a channel follows it within the
    // lookback. A customer counts once per (first touch, order channel) pair.
    private static final String PATHS = """
            WITH first_touch AS (
                SELECT DISTINCT ON (customer_id) customer_id, first_at, channel FROM customer_day_touch
                WHERE day BETWEEN $1 AND $2 ORDER BY customer_id, day, first_at),
            touched AS (SELECT channel, count(*) AS customers FROM first_touch GROUP BY channel),
            converted AS (
                SELECT f.channel AS first_touch, o.channel AS order_channel, count(DISTINCT f.customer_id) AS customers
                FROM first_touch f
                JOIN paid_order_touch o ON o.customer_id = f.customer_id AND o.paid_at >= f.first_at
                     AND o.paid_at <= f.first_at + $3::bigint * interval '1 second' AND o.channel IS NOT NULL
                GROUP BY 1, 2)
            SELECT t.channel AS first_touch, c.order_channel, t.customers AS touched, coalesce(c.customers, 0) AS converted
            FROM touched t LEFT JOIN converted c ON c.first_touch = t.channel""";
    private static final String HEATMAP = """
            SELECT channel, extract(isodow FROM hour AT TIME ZONE $4::text)::int AS dow,
                   extract(hour FROM hour AT TIME ZONE $4::text)::int AS hod,
                   sum(interactions) AS interactions, sum(orders) AS orders
            FROM traffic_hourly
            WHERE hour >= $1::date AT TIME ZONE 'UTC' AND hour < ($2::date + 1) AT TIME ZONE 'UTC'
              AND ($3::text IS NULL OR channel = $3)
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""";
    private static final String SLOTS_OF_ALL = """
            SELECT ((extract(isodow FROM hour AT TIME ZONE $4::text) - 1) * 24 + extract(hour FROM hour AT TIME ZONE $4::text))::int
                       AS how, sum(interactions) AS interactions, sum(orders) AS orders
            FROM traffic_hourly
            WHERE hour >= $1::date AT TIME ZONE 'UTC' AND hour < ($2::date + 1) AT TIME ZONE 'UTC'
              AND ($3::text IS NULL OR channel = $3)
            GROUP BY 1""";
    private static final String SLOTS_OF_SEGMENT = """
            SELECT a.hour_of_week AS how, sum(a.interactions) AS interactions, sum(a.orders) AS orders
            FROM customer_tag t JOIN customer_slot_activity a ON a.customer_id = t.customer_id
            WHERE t.tag = $1 AND t.value = $2
            GROUP BY 1""";
    private static final String SEGMENT_SIZE = "SELECT count(*) AS n FROM customer_tag WHERE tag = $1 AND value = $2";

    /** The tables whose rows name a customer or visitor, with that column. */
    private static final List<String[]> CUSTOMER_COLUMNS = List.of(
            new String[] {"funnel_reach", "customer_id"}, new String[] {"customer_day_touch", "customer_id"},
            new String[] {"paid_order_touch", "customer_id"}, new String[] {"customer_slot_activity", "customer_id"},
            new String[] {"visitor_first_seen", "visitor_id"});

    /**
     * Re-keys every row of {@code customerId} to {@code pseudonym}: the figures stay, the link to the person goes
     * (the profile service keeps an erased customer's orders and events the same way).
     */
    public Uni<Void> pseudonymise(SqlConnection connection, String customerId, String pseudonym) {
        Uni<Void> chain = lockIdentities(connection);
        for (String[] table : CUSTOMER_COLUMNS) {
            String sql = "UPDATE " + table[0] + " SET " + table[1] + " = $2 WHERE " + table[1] + " = $1";
            chain = chain.chain(() -> connection.preparedQuery(sql).execute(Tuple.of(customerId, pseudonym))
                    .replaceWithVoid());
        }
        return chain;
    }

    /**
     * Moves every row of {@code mergedId} to {@code survivorId} (funnel windows, day touches, paid orders, send-slot
     * activity, first-seen days), combining the rows that collide with the survivor's own: funnel steps OR, the day's
     * first touch is the earlier one, slot counts add, the first-seen day is the earlier one and the later day counts
     * one new visitor fewer. Page views, interactions and the unique-visitor HyperLogLogs hold no ids and stay.
     */
    public Uni<Void> merge(SqlConnection connection, String survivorId, String mergedId) {
        if (survivorId.equals(mergedId)) {
            return Uni.createFrom().voidItem();
        }
        Tuple ids = Tuple.of(survivorId, mergedId);
        Uni<Void> chain = lockIdentities(connection);
        for (String sql : List.of(MERGE_FUNNEL, MERGE_TOUCHES, MERGE_SLOTS, MERGE_PAID_ORDERS, MERGE_FIRST_SEEN)) {
            chain = chain.chain(() -> connection.preparedQuery(sql).execute(ids).replaceWithVoid());
        }
        return chain;
    }

    /** Waits for the traffic batches in flight and keeps new ones waiting until the caller's transaction ends. */
    private static Uni<Void> lockIdentities(SqlConnection connection) {
        return connection.preparedQuery(LOCK_IDENTITIES).execute(Tuple.of(IDENTITY_LOCK)).replaceWithVoid();
    }

    /**
     * The current id of each of {@code ids} that is not its own: the survivor of a merged id, or empty for an erased
     * customer. Takes {@link #IDENTITY_LOCK} shared first, for the rest of the batch's transaction.
     */
    Uni<Map<String, Optional<String>>> currentIds(SqlConnection connection, Collection<String> ids) {
        return connection.preparedQuery(LOCK_IDENTITIES_SHARED).execute(Tuple.of(IDENTITY_LOCK))
                .chain(() -> ids.isEmpty() ? Uni.createFrom().item(Map.<String, Optional<String>>of())
                        : connection.preparedQuery(CURRENT_IDS).execute(Tuple.of(ids.toArray(String[]::new)))
                                .map(rows -> {
                                    Map<String, Optional<String>> current = new HashMap<>();
                                    for (Row row : rows) {
                                        current.put(row.getString("id"), row.getBoolean("erased") ? Optional.empty()
                                                : Optional.of(row.getString("current")));
                                    }
                                    return current;
                                }));
    }

    /** Locks and returns the last applied offset per partition ({@code -1}: none yet). */
    Uni<Map<Integer, Long>> lockOffsets(SqlConnection connection, String consumer, String topic, Integer[] partitions) {
        return connection.preparedQuery(LOCK_OFFSETS).execute(Tuple.of(consumer, topic, partitions)).map(rows -> {
            Map<Integer, Long> offsets = new HashMap<>();
            for (Row row : rows) {
                offsets.put(row.getInteger("partition"), row.getLong("last_offset"));
            }
            return offsets;
        });
    }

    Uni<Void> advanceOffsets(SqlConnection connection, String consumer, String topic, Integer[] partitions,
                             Long[] offsets) {
        return connection.preparedQuery(ADVANCE_OFFSETS).execute(Tuple.of(consumer, topic, partitions, offsets))
                .replaceWithVoid();
    }

    /**
     * Adds the batch to every aggregate table, one statement per table with rows: the slots, the hours, the rest, and
     * the funnel last (the order every batch locks rows in, see {@link #ADD_HOURLY}).
     */
    Uni<Void> add(SqlConnection connection, TrafficBatch batch, ZoneId heatmapZone) {
        return execute(connection, ADD_SLOT_INTERACTIONS, batch.slotInteractions(),
                List.<Function<Map.Entry<CustomerSlot, Long>, Object>>of(e -> e.getKey().customerId(),
                        e -> (short) e.getKey().hourOfWeek(), Map.Entry::getValue),
                new Class<?>[] {String.class, Short.class, Long.class})
                .chain(() -> execute(connection, ADD_HOURLY, batch.hourly(),
                        List.<Function<Map.Entry<HourChannel, long[]>, Object>>of(
                                e -> SqlTimes.utc(e.getKey().hour()), e -> e.getKey().channel(), e -> e.getValue()[0],
                                e -> e.getValue()[1]),
                        new Class<?>[] {OffsetDateTime.class, String.class, Long.class, Long.class}))
                .chain(() -> addPaidOrders(connection, batch.paidOrders().values(), heatmapZone))
                .chain(() -> execute(connection, ADD_FIRST_SEEN, batch.firstSeen(),
                        List.<Function<Map.Entry<VisitorScope, LocalDate>, Object>>of(e -> e.getKey().visitorId(),
                                e -> e.getKey().scope(), Map.Entry::getValue),
                        new Class<?>[] {String.class, String.class, LocalDate.class}))
                .chain(() -> execute(connection, ADD_TOUCHES, batch.touches(),
                        List.<Function<Map.Entry<CustomerDay, Touch>, Object>>of(e -> e.getKey().customerId(),
                                e -> e.getKey().day(), e -> SqlTimes.utc(e.getValue().at()), e -> e.getValue().channel()),
                        new Class<?>[] {String.class, LocalDate.class, OffsetDateTime.class, String.class}))
                .chain(() -> execute(connection, ADD_FUNNEL, batch.funnel(),
                        List.<Function<Map.Entry<FunnelKey, Integer>, Object>>of(
                                e -> SqlTimes.utc(e.getKey().windowStart()),
                                e -> e.getKey().channel(), e -> e.getKey().category(), e -> e.getKey().customerId(),
                                e -> e.getValue().shortValue()),
                        new Class<?>[] {OffsetDateTime.class, String.class, String.class, String.class, Short.class}));
    }

    private Uni<Void> addPaidOrders(SqlConnection connection, java.util.Collection<PaidOrder> orders, ZoneId zone) {
        if (orders.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(ADD_PAID_ORDERS).execute(Tuple.of(
                        orders.stream().map(PaidOrder::orderId).toArray(String[]::new),
                        orders.stream().map(PaidOrder::customerId).toArray(String[]::new),
                        orders.stream().map(o -> SqlTimes.utc(o.paidAt())).toArray(OffsetDateTime[]::new),
                        orders.stream().map(PaidOrder::channel).toArray(String[]::new),
                        zone.getId()))
                .replaceWithVoid();
    }

    /** Binds each column of {@code rows} as one array parameter ($1, $2, ...), in column order. */
    private static <K, V> Uni<Void> execute(SqlConnection connection, String sql, Map<K, V> rows,
                                            List<Function<Map.Entry<K, V>, Object>> columns, Class<?>[] types) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Object> parameters = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            Object[] array = (Object[]) java.lang.reflect.Array.newInstance(types[c], rows.size());
            int i = 0;
            for (Map.Entry<K, V> row : rows.entrySet()) {
                array[i++] = columns.get(c).apply(row);
            }
            parameters.add(array);
        }
        return connection.preparedQuery(sql).execute(Tuple.from(parameters)).replaceWithVoid();
    }

    /**
     * Page views (page_view and product_view events) per UTC hour in {@code [from, to)}, of one channel or all; hours
     * without any are left out.
     */
    public Uni<List<HourlyCount>> hourlyPageViews(SqlClient client, Instant from, Instant to, Channel channel) {
        return client.preparedQuery(HOURLY_PAGE_VIEWS)
                .execute(Tuple.of(SqlTimes.utc(from), SqlTimes.utc(to), wire(channel)))
                .map(rows -> {
                    List<HourlyCount> counts = new ArrayList<>();
                    for (Row row : rows) {
                        counts.add(new HourlyCount(SqlTimes.instant(row, "hour"), row.getLong("n")));
                    }
                    return List.copyOf(counts);
                });
    }

    /** Page views, interactions and new visitors per UTC day in {@code from..to}; days without any are left out. */
    Uni<List<DayTraffic>> dayTraffic(SqlClient client, LocalDate from, LocalDate to, Channel channel) {
        return client.preparedQuery(DAY_TRAFFIC).execute(Tuple.of(from, to, wire(channel))).map(rows -> {
            List<DayTraffic> days = new ArrayList<>();
            for (Row row : rows) {
                days.add(new DayTraffic(row.getLocalDate("day"), row.getLong("page_views"),
                        row.getLong("interactions"), row.getLong("new_visitors")));
            }
            return days;
        });
    }

    Uni<List<FunnelRow>> funnel(SqlClient client, LocalDate from, LocalDate to, Channel channel, String category) {
        return client.preparedQuery(FUNNEL).execute(Tuple.of(from, to, wire(channel), category)).map(rows -> {
            List<FunnelRow> funnel = new ArrayList<>();
            for (Row row : rows) {
                funnel.add(new FunnelRow(row.getLocalDate("day"), row.getString("channel"), row.getString("category"),
                        row.getInteger("steps"), row.getLong("customers")));
            }
            return funnel;
        });
    }

    Uni<List<PathRow>> paths(SqlClient client, LocalDate from, LocalDate to, java.time.Duration lookback) {
        return client.preparedQuery(PATHS)
                .execute(Tuple.of(from, to, lookback.toSeconds()))
                .map(rows -> {
                    List<PathRow> paths = new ArrayList<>();
                    for (Row row : rows) {
                        paths.add(new PathRow(row.getString("first_touch"), row.getString("order_channel"),
                                row.getLong("touched"), row.getLong("converted")));
                    }
                    return paths;
                });
    }

    Uni<List<HeatCell>> heatmap(SqlClient client, LocalDate from, LocalDate to, Channel channel, ZoneId zone) {
        return client.preparedQuery(HEATMAP).execute(Tuple.of(from, to, wire(channel), zone.getId())).map(rows -> {
            List<HeatCell> cells = new ArrayList<>();
            for (Row row : rows) {
                cells.add(new HeatCell(row.getString("channel"), row.getInteger("dow"), row.getInteger("hod"),
                        row.getLong("interactions"), row.getLong("orders")));
            }
            return cells;
        });
    }

    /** Interactions and orders per hour of the week over every visitor, from the hourly rows of the period. */
    Uni<List<SlotRow>> slotsOfAll(SqlClient client, LocalDate from, LocalDate to, Channel channel, ZoneId zone) {
        return client.preparedQuery(SLOTS_OF_ALL).execute(Tuple.of(from, to, wire(channel), zone.getId()))
                .map(TrafficRepository::slots);
    }

    /** Interactions and orders per hour of the week of the customers holding tag {@code tag = value}, all history. */
    Uni<List<SlotRow>> slotsOfSegment(SqlClient client, String tag, String value) {
        return client.preparedQuery(SLOTS_OF_SEGMENT).execute(Tuple.of(tag, value)).map(TrafficRepository::slots);
    }

    Uni<Long> segmentSize(SqlClient client, String tag, String value) {
        return client.preparedQuery(SEGMENT_SIZE).execute(Tuple.of(tag, value))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    private static List<SlotRow> slots(RowSet<Row> rows) {
        List<SlotRow> slots = new ArrayList<>();
        for (Row row : rows) {
            slots.add(new SlotRow(row.getInteger("how"), row.getLong("interactions"), row.getLong("orders")));
        }
        return slots;
    }

    private static String wire(Channel channel) {
        return channel == null ? null : WireNames.of(channel);
    }
}

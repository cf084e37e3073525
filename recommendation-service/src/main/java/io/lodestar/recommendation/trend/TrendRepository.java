package io.lodestar.recommendation.trend;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SQL of trend detection ({@code V4__trends.sql}).
 *
 * <p>A detection's statements run on the Hibernate Reactive session of the caller's transaction, not on the SQL
 * client the rest of this service uses: {@link io.lodestar.platform.outbox.OutboxService#enqueue} writes the event on
 * that session, and the {@code trending_item} row must commit with it. Reads for the API use the SQL client.
 */
@ApplicationScoped
public class TrendRepository {

    /**
     * The advisory lock that lets one replica detect at a time (ASCII "trends"; the outbox relay's is "outbox"). It is
     * transaction-scoped, so it is released at commit or rollback, also when a replica dies mid-detection.
     */
    static final long DETECTION_LOCK = 0x7472656e6473L;

    private final Pool pool;

    public TrendRepository(Pool pool) {
        this.pool = pool;
    }

    /** Takes the detection lock for the current transaction, or answers false at once if another replica holds it. */
    public Uni<Boolean> tryDetectionLock() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(" + DETECTION_LOCK + ")", Boolean.class)
                .getSingleResult());
    }

    /**
     * Waits for the detection lock for the current transaction, at most {@code timeoutSeconds} (then PostgreSQL fails
     * the statement with SQLSTATE 55P03, lock_not_available).
     */
    public Uni<Void> awaitDetectionLock(int timeoutSeconds) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT set_config('lock_timeout', '" + timeoutSeconds + "s', true)", String.class)
                .getSingleResult()
                .chain(() -> session.createNativeQuery(
                        "SELECT true FROM (SELECT pg_advisory_xact_lock(" + DETECTION_LOCK + ")) AS locked",
                        Boolean.class).getSingleResult()))
                .replaceWithVoid();
    }

    /**
     * Views, carts and orders per item in the current window {@code (currentFrom, until]} and the previous one
     * {@code (previousFrom, currentFrom]}, counted by the database; only items with events in the current window (an
     * item without any cannot be trending). An order counts once per order, whatever its units.
     */
    public Uni<Map<String, CategorisedHeat>> heat(Instant previousFrom, Instant currentFrom, Instant until) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT i.item_id, it.category,
                               count(*) FILTER (WHERE i.kind = 'product_view' AND i.occurred_at > :currentFrom),
                               count(*) FILTER (WHERE i.kind = 'add_to_cart' AND i.occurred_at > :currentFrom),
                               count(*) FILTER (WHERE i.kind = 'order' AND i.occurred_at > :currentFrom),
                               count(*) FILTER (WHERE i.kind = 'product_view' AND i.occurred_at <= :currentFrom),
                               count(*) FILTER (WHERE i.kind = 'add_to_cart' AND i.occurred_at <= :currentFrom),
                               count(*) FILTER (WHERE i.kind = 'order' AND i.occurred_at <= :currentFrom)
                        FROM interaction i LEFT JOIN item it ON it.item_id = i.item_id
                        WHERE i.kind IN ('product_view', 'add_to_cart', 'order')
                          AND i.occurred_at > :previousFrom AND i.occurred_at <= :until
                        GROUP BY i.item_id, it.category
                        HAVING count(*) FILTER (WHERE i.occurred_at > :currentFrom) > 0""", Object[].class)
                .setParameter("previousFrom", utc(previousFrom))
                .setParameter("currentFrom", utc(currentFrom))
                .setParameter("until", utc(until))
                .getResultList())
                .map(rows -> {
                    Map<String, CategorisedHeat> heat = new LinkedHashMap<>(rows.size() * 2);
                    for (Object[] row : rows) {
                        heat.put((String) row[0], new CategorisedHeat((String) row[1], new ItemHeat(
                                new EventCounts(count(row[2]), count(row[3]), count(row[4])),
                                new EventCounts(count(row[5]), count(row[6]), count(row[7])))));
                    }
                    return heat;
                });
    }

    /** Items already published in the reporting window that starts at {@code windowStart}. */
    public Uni<Set<String>> reportedIn(Instant windowStart) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT item_id FROM trending_item WHERE window_start = :windowStart", String.class)
                .setParameter("windowStart", utc(windowStart))
                .getResultList())
                .map(HashSet::new);
    }

    /** Records a report; false if the item was already reported in that window (then nothing must be published). */
    public Uni<Boolean> insert(TrendingItemView report, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO trending_item (item_id, window_start, category, heat, previous_heat, growth,
                                                   window_hours, detected_at, event_id)
                        VALUES (:itemId, :windowStart, :category, :heat, :previousHeat, :growth, :windowHours,
                                :detectedAt, :eventId)
                        ON CONFLICT (item_id, window_start) DO NOTHING""")
                .setParameter("itemId", report.itemId())
                .setParameter("windowStart", utc(report.windowStart()))
                .setParameter("category", report.category())
                .setParameter("heat", report.heat())
                .setParameter("previousHeat", report.previousHeat())
                .setParameter("growth", report.growth())
                .setParameter("windowHours", report.windowHours())
                .setParameter("detectedAt", utc(report.detectedAt()))
                .setParameter("eventId", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * The latest report of every item reported since {@code since}, strongest first (growth, then heat), optionally
     * of one category, at most {@code limit}.
     */
    public Uni<List<TrendingItemView>> reportedSince(Instant since, String category, int limit) {
        return pool.preparedQuery("""
                SELECT item_id, category, heat, previous_heat, growth, window_start, window_hours, detected_at
                FROM (SELECT DISTINCT ON (item_id) *
                      FROM trending_item
                      WHERE detected_at > $1 AND ($2::text IS NULL OR category = $2)
                      ORDER BY item_id, detected_at DESC) latest
                ORDER BY growth DESC, heat DESC, item_id
                LIMIT $3""")
                .execute(Tuple.of(utc(since), category, limit))
                .map(rows -> {
                    List<TrendingItemView> reports = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        reports.add(new TrendingItemView(row.getString("item_id"), row.getString("category"),
                                row.getDouble("heat"), row.getDouble("previous_heat"), row.getDouble("growth"),
                                row.getDouble("previous_heat") == 0, row.getInteger("window_hours"),
                                row.getOffsetDateTime("window_start").toInstant(),
                                row.getOffsetDateTime("detected_at").toInstant()));
                    }
                    return reports;
                });
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** An item's heat and its category (null for a stub item without one). */
    public record CategorisedHeat(String category, ItemHeat heat) {
    }
}

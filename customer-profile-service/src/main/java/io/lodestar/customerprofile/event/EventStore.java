package io.lodestar.customerprofile.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.lodestar.contracts.WireNames;
import io.lodestar.customerprofile.event.EventItemParser.ParsedEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The write path of {@code POST /events}, on the reactive PostgreSQL client directly: it resolves who did each
 * event and inserts a whole batch with a handful of array-parameter statements ({@code unnest}) rather than a
 * statement per event, which is what lets one request carry a thousand events. Everything runs in one
 * transaction that the caller's publish step completes before commit, so an event is recorded only once Kafka has
 * acknowledged it, and a batch Kafka refused leaves nothing behind (its retry is accepted, not a duplicate). If the
 * transaction fails after the acknowledgement (the activity counters, the commit), the client's retry publishes the
 * event again with the same eventId, which consumers ignore as a redelivery.
 */
@ApplicationScoped
public class EventStore {

    /** Chains of merges are short; the bound only guards against a cycle written by hand in the database. */
    private static final int MAX_MERGE_HOPS = 8;

    private final Pool pool;

    public EventStore(Pool pool) {
        this.pool = pool;
    }

    /** Who an event was recorded for. */
    public record Subject(String customerId, boolean anonymous) {
    }

    /** An event to insert, attributed to its subject. */
    public record Attributed(ParsedEvent event, Subject subject) {
    }

    /** What happened to each valid event, by batch index: the subject, or a reason to reject it. */
    public record Outcome(Map<Integer, Subject> accepted, Map<Integer, Subject> duplicates,
            Map<Integer, String> refused) {
    }

    /**
     * Resolves, inserts and — through {@code publish}, inside the transaction — publishes a batch. Events whose id
     * is already stored are duplicates and are not published again.
     */
    public Uni<Outcome> record(List<ParsedEvent> events, Instant receivedAt,
            Function<List<Attributed>, Uni<Void>> publish) {
        return pool.withTransaction(conn -> resolve(conn, events, receivedAt).chain(subjects -> {
            Map<Integer, String> refused = new HashMap<>();
            List<Attributed> insertable = new ArrayList<>();
            for (ParsedEvent event : events) {
                Subject subject = subjects.get(event.index());
                if (subject == null) {
                    refused.put(event.index(), "customer '" + event.request().customerId() + "' was erased");
                } else {
                    insertable.add(new Attributed(event, subject));
                }
            }
            return insert(conn, insertable, receivedAt).chain(inserted -> {
                Map<Integer, Subject> accepted = new LinkedHashMap<>();
                Map<Integer, Subject> duplicates = new LinkedHashMap<>();
                List<Attributed> toPublish = new ArrayList<>();
                Set<UUID> claimed = new HashSet<>();
                for (Attributed a : insertable) {
                    // The first event of a batch with a given id is the one inserted; repeats are duplicates.
                    if (inserted.contains(a.event().eventId()) && claimed.add(a.event().eventId())) {
                        accepted.put(a.event().index(), a.subject());
                        toPublish.add(a);
                    } else {
                        duplicates.put(a.event().index(), a.subject());
                    }
                }
                if (toPublish.isEmpty()) {
                    return Uni.createFrom().item(new Outcome(accepted, duplicates, refused));
                }
                // The counters are locked rows shared by concurrent batches of the same customers: they are
                // counted after Kafka's acknowledgement, so that their locks last only until the commit.
                return publish.apply(toPublish)
                        .chain(() -> count(conn, toPublish))
                        .map(ignored -> new Outcome(accepted, duplicates, refused));
            });
        }));
    }

    /** The subject of every event (null for an erased customer). */
    private Uni<Map<Integer, Subject>> resolve(SqlConnection conn, List<ParsedEvent> events, Instant now) {
        return resolveIdentities(conn, events, now).chain(byIdentity -> {
            Map<Integer, String> named = new HashMap<>();
            Map<Integer, Subject> subjects = new HashMap<>();
            for (ParsedEvent e : events) {
                Subject s = e.request().customerId() != null
                        ? new Subject(e.request().customerId(), false)
                        : byIdentity.get(identityKey(e));
                if (s.anonymous()) {
                    subjects.put(e.index(), s);
                } else {
                    named.put(e.index(), s.customerId());
                }
            }
            return followMerges(conn, new HashSet<>(named.values()), new HashMap<>(), 0).map(current -> {
                named.forEach((index, customerId) -> {
                    String resolved = current.getOrDefault(customerId, customerId);
                    subjects.put(index, resolved == null ? null : new Subject(resolved, false));
                });
                return subjects;
            });
        });
    }

    /**
     * Customers known by a linked identity; the others become anonymous visitors (created or touched, which locks
     * their row against a concurrent stitch, in id order so that concurrent batches never deadlock; a visitor
     * stitched meanwhile resolves to its customer).
     */
    private Uni<Map<String, Subject>> resolveIdentities(SqlConnection conn, List<ParsedEvent> events, Instant now) {
        Map<String, String[]> keys = new LinkedHashMap<>();
        for (ParsedEvent e : events) {
            if (e.identityKey() != null) {
                keys.put(identityKey(e), new String[] {WireNames.of(e.request().identity().type()), e.identityKey()});
            }
        }
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] types = keys.values().stream().map(k -> k[0]).toArray(String[]::new);
        String[] values = keys.values().stream().map(k -> k[1]).toArray(String[]::new);
        return conn.preparedQuery("""
                SELECT i.identity_type, i.identity_value, i.customer_id
                FROM customer_identity i
                JOIN unnest($1::text[], $2::text[]) AS k(identity_type, identity_value)
                  ON i.identity_type = k.identity_type AND i.identity_value = k.identity_value""")
                .execute(Tuple.of(types, values)).chain(rows -> {
                    Map<String, Subject> resolved = new HashMap<>();
                    for (Row row : rows) {
                        resolved.put(row.getString(0) + ":" + row.getString(1),
                                new Subject(row.getString(2), false));
                    }
                    List<String[]> unknown = keys.entrySet().stream()
                            .filter(entry -> !resolved.containsKey(entry.getKey()))
                            .map(Map.Entry::getValue).toList();
                    if (unknown.isEmpty()) {
                        return Uni.createFrom().item(resolved);
                    }
                    return touchVisitors(conn, unknown, now).map(visitors -> {
                        resolved.putAll(visitors);
                        return resolved;
                    });
                });
    }

    private Uni<Map<String, Subject>> touchVisitors(SqlConnection conn, List<String[]> unknown, Instant now) {
        String[] ids = unknown.stream().map(k -> anonymousId(k[0], k[1])).toArray(String[]::new);
        String[] types = unknown.stream().map(k -> k[0]).toArray(String[]::new);
        String[] values = unknown.stream().map(k -> k[1]).toArray(String[]::new);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return conn.preparedQuery("""
                INSERT INTO anonymous_visitor (anonymous_id, identity_type, identity_value, first_seen_at, last_seen_at)
                SELECT id, t, v, $4, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS k(id, t, v)
                ORDER BY id
                ON CONFLICT (anonymous_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
                RETURNING identity_type, identity_value, anonymous_id, stitched_to""")
                .execute(Tuple.of(ids, types, values, at)).map(rows -> {
                    Map<String, Subject> visitors = new HashMap<>();
                    for (Row row : rows) {
                        String stitchedTo = row.getString(3);
                        visitors.put(row.getString(0) + ":" + row.getString(1), stitchedTo != null
                                ? new Subject(stitchedTo, false)
                                : new Subject(row.getString(2), true));
                    }
                    return visitors;
                });
    }

    /**
     * Maps each named customer to the profile events must be recorded for: itself, the survivor it was merged
     * into, or null when erased. The profile rows are share-locked until commit, so a merge (which locks them for
     * update) waits for this batch, or this batch sees the merge: either way no event stays with a merged id.
     * A customer id without a profile is kept as given (the caller vouches for it).
     */
    private Uni<Map<String, String>> followMerges(SqlConnection conn, Set<String> ids, Map<String, String> current,
            int hop) {
        if (ids.isEmpty() || hop == MAX_MERGE_HOPS) {
            return Uni.createFrom().item(current);
        }
        return conn.preparedQuery("SELECT customer_id, status, merged_into FROM customer "
                        + "WHERE customer_id = ANY($1) FOR SHARE")
                .execute(Tuple.of((Object) ids.toArray(String[]::new))).chain(rows -> {
                    Map<String, String> next = new HashMap<>();
                    for (Row row : rows) {
                        String id = row.getString(0);
                        switch (row.getString(1)) {
                            case "merged" -> next.put(id, row.getString(2));
                            case "erased" -> next.put(id, null);
                            default -> {
                                // active: recorded for itself
                            }
                        }
                    }
                    // Point every original id at where its chain has got to.
                    Map<String, String> updated = new HashMap<>(current);
                    for (String original : ids) {
                        updated.putIfAbsent(original, original);
                    }
                    updated.replaceAll((original, at) -> at != null && next.containsKey(at) ? next.get(at) : at);
                    Set<String> survivors = new HashSet<>();
                    next.values().stream().filter(v -> v != null).forEach(survivors::add);
                    return followMerges(conn, survivors, updated, hop + 1);
                });
    }

    private Uni<Set<UUID>> insert(SqlConnection conn, List<Attributed> events, Instant receivedAt) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] customers = new String[n];
        Boolean[] anonymous = new Boolean[n];
        String[] behaviours = new String[n];
        String[] channels = new String[n];
        String[] items = new String[n];
        String[] categories = new String[n];
        String[] campaigns = new String[n];
        String[] recommendations = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Attributed a = events.get(i);
            RecordEventRequest r = a.event().request();
            ids[i] = r.eventId();
            customers[i] = a.subject().customerId();
            anonymous[i] = a.subject().anonymous();
            behaviours[i] = WireNames.of(r.type());
            channels[i] = WireNames.of(r.channel());
            items[i] = r.itemId();
            categories[i] = r.category();
            campaigns[i] = r.campaignId();
            recommendations[i] = r.recommendationId();
            occurred[i] = r.occurredAt().atOffset(ZoneOffset.UTC);
        }
        Tuple params = Tuple.tuple(List.of(ids, customers, anonymous, behaviours, channels, items, categories,
                campaigns, recommendations, occurred, receivedAt.atOffset(ZoneOffset.UTC)));
        // Sorted by event id: two batches that share ids (a client retrying) wait for each other in one order,
        // never in a cycle.
        return conn.preparedQuery("""
                INSERT INTO behaviour_event (event_id, customer_id, anonymous, behaviour, channel, item_id,
                                             category, campaign_id, recommendation_id, occurred_at, received_at)
                SELECT e.*, $11 FROM unnest($1::uuid[], $2::text[], $3::bool[], $4::text[], $5::text[],
                                            $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[]) AS e
                ORDER BY 1
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id""")
                .execute(params).map(rows -> {
                    Set<UUID> inserted = new HashSet<>();
                    for (Row row : rows) {
                        inserted.add(row.getUUID(0));
                    }
                    return inserted;
                });
    }

    /**
     * Adds the recorded events to the 360 view's activity counters. The rows are upserted in one order (customer,
     * dimension, key) in every batch, so two concurrent batches of the same customers wait for each other instead
     * of deadlocking.
     */
    private Uni<Void> count(SqlConnection conn, List<Attributed> recorded) {
        int n = recorded.size();
        String[] customers = new String[n];
        String[] behaviours = new String[n];
        String[] categories = new String[n];
        String[] channels = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Attributed a = recorded.get(i);
            RecordEventRequest r = a.event().request();
            customers[i] = a.subject().customerId();
            behaviours[i] = WireNames.of(r.type());
            categories[i] = r.category();
            channels[i] = WireNames.of(r.channel());
            occurred[i] = r.occurredAt().atOffset(ZoneOffset.UTC);
        }
        return conn.preparedQuery("""
                INSERT INTO customer_activity (customer_id, dimension, key, events, last_at)
                SELECT e.customer_id, d.dimension, d.key, count(*), max(e.occurred_at)
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
                     AS e(customer_id, behaviour, category, channel, occurred_at)
                CROSS JOIN LATERAL (VALUES
                    ('behaviour', e.behaviour),
                    ('category', e.category),
                    ('channel', e.channel),
                    ('hour', extract(hour FROM e.occurred_at AT TIME ZONE 'UTC')::int::text),
                    ('dow', extract(isodow FROM e.occurred_at AT TIME ZONE 'UTC')::int::text)) AS d(dimension, key)
                WHERE d.key IS NOT NULL
                GROUP BY e.customer_id, d.dimension, d.key
                ORDER BY e.customer_id, d.dimension, d.key
                ON CONFLICT (customer_id, dimension, key) DO UPDATE
                    SET events = customer_activity.events + EXCLUDED.events,
                        last_at = greatest(customer_activity.last_at, EXCLUDED.last_at)""")
                .execute(Tuple.of(customers, behaviours, categories, channels, occurred))
                .replaceWithVoid();
    }

    private static String identityKey(ParsedEvent e) {
        return WireNames.of(e.request().identity().type()) + ":" + e.identityKey();
    }

    /** A stable visitor id for an external id: the same id always gives the same visitor, and reveals nothing. */
    public static String anonymousId(String identityType, String storedValue) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((identityType + ":" + storedValue).getBytes(StandardCharsets.UTF_8));
            return "anon-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.lodestar.segmentation.tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.lodestar.contracts.EventEnvelope;
import io.lodestar.platform.outbox.OutboxService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The customers' current tags in PostgreSQL ({@code customer_tag}) — what Redis caches and what the segments
 * endpoint falls back to — and the version of the Redis copy readers use.
 */
@ApplicationScoped
public class TagRepository {

    private final Pool pool;
    private final OutboxService outbox;

    public TagRepository(Pool pool, OutboxService outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** Every customer's stored tags (customerId → tag → value). */
    public Uni<Map<String, Map<String, String>>> all() {
        return pool.query("SELECT customer_id, tag, value FROM customer_tag").execute().map(rows -> {
            Map<String, Map<String, String>> tags = new HashMap<>();
            rows.forEach(row -> tags.computeIfAbsent(row.getString("customer_id"), c -> new HashMap<>())
                    .put(row.getString("tag"), row.getString("value")));
            return tags;
        });
    }

    /** One customer's stored tags, sorted by name. */
    public Uni<Map<String, String>> of(String customerId) {
        return pool.preparedQuery("SELECT tag, value FROM customer_tag WHERE customer_id = $1")
                .execute(Tuple.of(customerId)).map(rows -> {
                    Map<String, String> tags = new TreeMap<>();
                    rows.forEach(row -> tags.put(row.getString("tag"), row.getString("value")));
                    return tags;
                });
    }

    /**
     * Writes a batch of tag changes and their membership events in one transaction: a crash leaves either both or
     * neither, so every change that is stored has been (or will be) published.
     */
    public Uni<Void> apply(List<TagChange> changes, List<? extends EventEnvelope<?>> events, Instant at) {
        List<String> setCustomers = new ArrayList<>();
        List<String> setNames = new ArrayList<>();
        List<String> setValues = new ArrayList<>();
        List<String> removedCustomers = new ArrayList<>();
        List<String> removedNames = new ArrayList<>();
        for (TagChange change : changes) {
            if (change.after() == null) {
                removedCustomers.add(change.customerId());
                removedNames.add(change.name());
            } else {
                setCustomers.add(change.customerId());
                setNames.add(change.name());
                setValues.add(change.after().value());
            }
        }
        OffsetDateTime since = at.atOffset(ZoneOffset.UTC);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                        INSERT INTO customer_tag (customer_id, tag, value, since)
                        SELECT c, t, v, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS x(c, t, v)
                        ON CONFLICT (customer_id, tag) DO UPDATE SET value = excluded.value, since = excluded.since""")
                .execute(Tuple.of(setCustomers.toArray(String[]::new), setNames.toArray(String[]::new),
                        setValues.toArray(String[]::new), since))
                .chain(() -> connection.preparedQuery("""
                                DELETE FROM customer_tag t USING unnest($1::text[], $2::text[]) AS x(c, n)
                                WHERE t.customer_id = x.c AND t.tag = x.n""")
                        .execute(Tuple.of(removedCustomers.toArray(String[]::new), removedNames.toArray(String[]::new))))
                .chain(() -> outbox.enqueueAll(connection, events)));
    }

    /** Removes every tag of a customer (erasure). */
    public Uni<Void> removeAll(String customerId) {
        return pool.preparedQuery("DELETE FROM customer_tag WHERE customer_id = $1").execute(Tuple.of(customerId))
                .replaceWithVoid();
    }

    /** The Redis version of the last successful run, if any run has written one. */
    public Uni<Optional<Long>> currentVersion() {
        return pool.query("SELECT version FROM tag_version").execute()
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getLong("version")));
    }

    public Uni<Void> recordVersion(long version) {
        return pool.preparedQuery("""
                INSERT INTO tag_version (singleton, version) VALUES (true, $1)
                ON CONFLICT (singleton) DO UPDATE SET version = excluded.version""")
                .execute(Tuple.of(version)).replaceWithVoid();
    }
}

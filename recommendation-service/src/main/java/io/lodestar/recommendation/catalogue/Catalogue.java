package io.lodestar.recommendation.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The whole catalogue in memory, for serving: a recommendation request checks stock, visibility, durability and
 * category of up to a few hundred candidates, which must not cost a database round trip each. Loaded at start-up,
 * refreshed after every local write and every few seconds from {@code updated_at}, so the writes of other replicas
 * and of the consumers' stub items arrive within the refresh interval.
 *
 * <p>The map is replaced, never mutated, so readers need no lock.
 */
@ApplicationScoped
public class Catalogue {

    /** Rows updated within this margin before the last refresh are read again: commit order is not updated_at order. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    private final Pool pool;
    private final ItemRepository items;
    private volatile Map<String, ItemView> byId = Map.of();
    private volatile Map<String, List<ItemView>> byCategory = Map.of();
    private volatile Instant loadedUpTo = Instant.EPOCH;
    private volatile boolean loaded;

    public Catalogue(Pool pool, ItemRepository items) {
        this.pool = pool;
        this.items = items;
    }

    void load(@Observes StartupEvent start) {
        refresh().subscribe().with(v -> Log.infof("catalogue loaded: %d items", byId.size()),
                e -> Log.warnf(e, "catalogue not loaded at start-up; the periodic refresh retries"));
    }

    @Scheduled(every = "${lodestar.catalogue.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh();
    }

    /** Reads what changed since the last refresh (everything, the first time). */
    public Uni<Void> refresh() {
        Instant now = Instant.now();
        if (!loaded) {
            return pool.withConnection(items::all).invoke(all -> {
                Map<String, ItemView> fresh = new HashMap<>(all.size() * 2);
                all.forEach(item -> fresh.put(item.itemId(), item));
                replace(fresh);
                loadedUpTo = now;
                loaded = true;
            }).replaceWithVoid();
        }
        Instant since = loadedUpTo.minus(OVERLAP);
        return pool.withConnection(connection -> items.changedSince(connection, since)).invoke(changed -> {
            if (!changed.isEmpty()) {
                Map<String, ItemView> fresh = new HashMap<>(byId);
                changed.forEach(item -> fresh.put(item.itemId(), item));
                replace(fresh);
            }
            loadedUpTo = now;
        }).replaceWithVoid();
    }

    private void replace(Map<String, ItemView> fresh) {
        Map<String, List<ItemView>> categories = new HashMap<>();
        fresh.values().forEach(item -> {
            if (item.category() != null) {
                categories.computeIfAbsent(item.category(), c -> new ArrayList<>()).add(item);
            }
        });
        byCategory = categories;
        byId = fresh;
    }

    /** Items of a category (read-only), in no particular order. */
    public List<ItemView> inCategory(String category) {
        return category == null ? List.of() : byCategory.getOrDefault(category, List.of());
    }

    public Optional<ItemView> find(String itemId) {
        return Optional.ofNullable(byId.get(itemId));
    }

    /** The current snapshot (read-only). */
    public Map<String, ItemView> snapshot() {
        return byId;
    }
}

package io.lodestar.segmentation.tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.lodestar.contracts.RedisKeyspace;
import io.lodestar.platform.redis.RedisKeys;
import io.lodestar.segmentation.config.TagConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a run's tags to Redis as a new version — a hash per customer and a member set per segment — and then
 * switches readers to it with one SET of the version key. Called from a run's job thread, which waits for each
 * batch: never from the event loop.
 */
@ApplicationScoped
public class RedisTagWriter {

    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final RedisKeys prefix;
    private final TagConfig config;

    public RedisTagWriter(ReactiveRedisDataSource redis, RedisKeys prefix, TagConfig config) {
        this.hashes = redis.hash(String.class);
        this.sets = redis.set(String.class);
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.prefix = prefix;
        this.config = config;
    }

    /** Writes every customer's tags under {@code version}; readers do not see them before {@link #switchTo}. */
    public void write(long version, Map<String, Map<String, String>> tagsByCustomer, Runnable batchDone) {
        Duration ttl = config.ttl();
        List<Supplier<Uni<Void>>> commands = new ArrayList<>();
        Map<String, List<String>> members = new HashMap<>();
        tagsByCustomer.forEach((customerId, tags) -> {
            if (tags.isEmpty()) {
                return;
            }
            String key = prefix.key(RedisKeyspace.segmentTags(version, customerId));
            commands.add(() -> hashes.hset(key, tags).chain(() -> keys.expire(key, ttl)).replaceWithVoid());
            tags.forEach((name, value) -> {
                if (Tag.Names.membershipKind(name).isPresent()) {
                    members.computeIfAbsent(Tag.segmentId(name, value), s -> new ArrayList<>()).add(customerId);
                }
            });
        });
        members.forEach((segment, ids) -> {
            String key = prefix.key(RedisKeyspace.segmentMembers(version, segment));
            for (int from = 0; from < ids.size(); from += 1000) {
                String[] chunk = ids.subList(from, Math.min(ids.size(), from + 1000)).toArray(String[]::new);
                commands.add(() -> sets.sadd(key, chunk).chain(() -> keys.expire(key, ttl)).replaceWithVoid());
            }
        });
        runInBatches(commands, batchDone);
    }

    /** Makes {@code version} the one readers use, and lets the keys of {@code previous} expire soon. */
    public void switchTo(long version, Long previous, Set<String> previousCustomers) {
        values.set(prefix.key(RedisKeyspace.segmentTagsVersion()), Long.toString(version)).await().indefinitely();
        if (previous == null) {
            return;
        }
        Duration superseded = config.supersededTtl();
        List<Supplier<Uni<Void>>> commands = new ArrayList<>();
        for (String customerId : previousCustomers) {
            String key = prefix.key(RedisKeyspace.segmentTags(previous, customerId));
            commands.add(() -> keys.expire(key, superseded).replaceWithVoid());
        }
        runInBatches(commands, () -> { });
    }

    private void runInBatches(List<Supplier<Uni<Void>>> commands, Runnable batchDone) {
        int batch = config.writeBatch();
        for (int from = 0; from < commands.size(); from += batch) {
            List<Uni<Void>> inFlight = new ArrayList<>(batch);
            for (Supplier<Uni<Void>> command : commands.subList(from, Math.min(commands.size(), from + batch))) {
                inFlight.add(command.get());
            }
            Uni.join().all(inFlight).andFailFast().await().indefinitely();
            batchDone.run();
        }
    }
}

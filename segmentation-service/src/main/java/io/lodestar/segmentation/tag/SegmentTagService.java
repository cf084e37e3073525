package io.lodestar.segmentation.tag;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import io.lodestar.contracts.RedisKeyspace;
import io.lodestar.platform.redis.RedisKeys;
import io.lodestar.segmentation.config.TagConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The hot path of segment tags: Redis first (the current version's hash), PostgreSQL when Redis is slow or away —
 * counted in {@code lodestar_segment_tags_fallback_total} — so the answer never fails because of Redis.
 */
@ApplicationScoped
public class SegmentTagService {

    private record CachedVersion(Long version, long readAtNanos) {
    }

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveKeyCommands<String> keyCommands;
    private final RedisKeys keys;
    private final TagRepository stored;
    private final TagConfig config;
    private final Counter fallbacks;
    private final AtomicReference<CachedVersion> version = new AtomicReference<>();

    public SegmentTagService(ReactiveRedisDataSource redis, RedisKeys keys, TagRepository stored, TagConfig config,
                             MeterRegistry metrics) {
        this.values = redis.value(String.class);
        this.hashes = redis.hash(String.class);
        this.keyCommands = redis.key();
        this.keys = keys;
        this.stored = stored;
        this.config = config;
        this.fallbacks = Counter.builder("lodestar.segment.tags.fallback")
                .description("Segment-tag reads answered from PostgreSQL because Redis failed or was too slow")
                .register(metrics);
    }

    public Uni<SegmentTagsView> tagsOf(String customerId) {
        return fromRedis(customerId)
                .ifNoItem().after(config.redisTimeout()).fail()
                .onFailure().recoverWithUni(failure -> {
                    fallbacks.increment();
                    Log.debugf("Segment tags of %s from PostgreSQL: Redis failed (%s)", customerId, failure.toString());
                    return stored.of(customerId)
                            .map(tags -> new SegmentTagsView(customerId, tags, null, SegmentTagsView.DATABASE));
                });
    }

    /**
     * Deletes an erased customer's tags from the current Redis version (PostgreSQL's were deleted with the erasure).
     * A Redis failure is logged, not raised: the erasure stands, and the version's keys expire with it.
     */
    public Uni<Void> forget(String customerId) {
        return values.get(keys.key(RedisKeyspace.segmentTagsVersion()))
                .chain(current -> current == null ? Uni.createFrom().voidItem()
                        : keyCommands.del(keys.key(RedisKeyspace.segmentTags(Long.parseLong(current), customerId)))
                                .replaceWithVoid())
                .onFailure().invoke(e -> Log.warnf("Erasure of %s: its Redis tags stay until they expire (%s)",
                        customerId, e.getMessage()))
                .onFailure().recoverWithNull()
                .invoke(() -> version.set(null));
    }

    /** Forgets the cached version, so the next read asks Redis (after a run switched versions in this process). */
    public void versionChanged() {
        version.set(null);
    }

    /**
     * The current version's hash. Redis keeps nothing on disk: restarted, it has no version at all, and a version
     * cached from before the restart finds empty hashes. Both fail over to PostgreSQL (which holds every customer's
     * current tags) rather than answer "no tags" until the next run writes a version again.
     */
    private Uni<SegmentTagsView> fromRedis(String customerId) {
        return currentVersion().chain(current -> current == null
                ? Uni.createFrom().failure(new IllegalStateException("no segment-tag version in Redis"))
                : hashes.hgetall(keys.key(RedisKeyspace.segmentTags(current, customerId)))
                        .chain(tags -> tags.isEmpty() ? versionStillCurrent(current)
                                : Uni.createFrom().item(tags))
                        .map(tags -> new SegmentTagsView(customerId, new TreeMap<>(tags), current,
                                SegmentTagsView.REDIS)));
    }

    /** No tags in the hash: a customer without tags if the version is still there, lost tags if it is not. */
    private Uni<Map<String, String>> versionStillCurrent(long cached) {
        return values.get(keys.key(RedisKeyspace.segmentTagsVersion())).chain(value -> {
            if (value != null && Long.parseLong(value) == cached) {
                return Uni.createFrom().item(Map.<String, String>of());
            }
            version.set(null);
            return Uni.createFrom().failure(new IllegalStateException(
                    "segment-tag version " + cached + " is no longer in Redis (restarted or switched)"));
        });
    }

    private Uni<Long> currentVersion() {
        CachedVersion cached = version.get();
        long now = System.nanoTime();
        if (cached != null && now - cached.readAtNanos() < config.versionCacheTtl().toNanos()) {
            return Uni.createFrom().item(cached.version());
        }
        return values.get(keys.key(RedisKeyspace.segmentTagsVersion())).map(value -> {
            Long read = value == null ? null : Long.valueOf(value);
            version.set(new CachedVersion(read, now));
            return read;
        });
    }
}

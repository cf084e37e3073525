package io.lodestar.customerprofile.customer360;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

import io.lodestar.contracts.RedisKeyspace;
import io.lodestar.platform.redis.RedisKeys;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a customer's segment tags from Redis, where segmentation-service keeps them. The tags enrich the view;
 * they never make it fail: absent, slow or unreachable Redis gives none. Two reads: the current version, then the
 * customer's hash in it (see {@link RedisKeyspace#segmentTagsVersion()}).
 */
@ApplicationScoped
public class SegmentTagReader {

    static final Duration TIMEOUT = Duration.ofMillis(300);

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final RedisKeys keys;

    public SegmentTagReader(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.values = redis.value(String.class);
        this.hashes = redis.hash(String.class);
        this.keys = keys;
    }

    /** Tag → value, sorted by tag. */
    public Uni<Map<String, String>> tagsOf(String customerId) {
        return values.get(keys.key(RedisKeyspace.segmentTagsVersion()))
                .chain(version -> version == null ? Uni.createFrom().item(Map.<String, String>of())
                        : hashes.hgetall(keys.key(RedisKeyspace.segmentTags(Long.parseLong(version), customerId))))
                .map(tags -> (Map<String, String>) new TreeMap<>(tags))
                .ifNoItem().after(TIMEOUT).failWith(() -> new TimeoutException("Redis did not answer within "
                        + TIMEOUT.toMillis() + " ms"))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Segment tags of %s unavailable (%s); the 360 view shows none", customerId,
                            failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName());
                    return Map.of();
                });
    }
}

package io.lodestar.customerprofile.customer360;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.lodestar.contracts.RedisKeyspace;
import io.lodestar.platform.redis.RedisKeys;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a customer's segment tags from Redis, where segmentation-service keeps them. The tags enrich the view;
 * they never make it fail: absent, slow or unreachable Redis gives an empty list.
 */
@ApplicationScoped
public class SegmentTagReader {

    static final Duration TIMEOUT = Duration.ofMillis(300);

    private final ReactiveSetCommands<String, String> sets;
    private final RedisKeys keys;

    public SegmentTagReader(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.sets = redis.set(String.class);
        this.keys = keys;
    }

    public Uni<List<String>> tagsOf(String customerId) {
        return sets.smembers(keys.key(RedisKeyspace.segmentTags(customerId)))
                .map(tags -> tags.stream().sorted().toList())
                .ifNoItem().after(TIMEOUT).failWith(() -> new TimeoutException("Redis did not answer within "
                        + TIMEOUT.toMillis() + " ms"))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Segment tags of %s unavailable (%s); the 360 view shows none", customerId,
                            failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName());
                    return List.of();
                });
    }
}

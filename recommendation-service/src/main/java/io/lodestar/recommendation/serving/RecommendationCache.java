package io.lodestar.recommendation.serving;

import java.time.Duration;
import java.util.Arrays;

import io.lodestar.platform.redis.RedisKeys;
import io.lodestar.recommendation.config.ServingConfig;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Precomputed recommendations in Redis: one STRING of JSON per customer and scene ({@code recs:<customer>:<scene>}),
 * with a TTL so that a customer who stopped coming does not keep a key forever. Written by the precompute job and by
 * serving after a miss; dropped whenever something the customer did could change the answer (an interaction, a
 * hidden item, a merge, an erasure).
 *
 * <p>Redis is a cache here: every failure is logged and answered as a miss, never raised.
 */
@ApplicationScoped
public class RecommendationCache {

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final RedisKeys keyspace;
    private final Duration timeout;

    public RecommendationCache(ReactiveRedisDataSource redis, RedisKeys keyspace, ServingConfig config) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.keyspace = keyspace;
        this.timeout = config.redisTimeout();
    }

    /** The cached JSON of a customer's recommendations in a scene, or null on a miss (or when Redis fails). */
    public Uni<String> get(String customerId, Scene scene) {
        return values.get(key(customerId, scene))
                .ifNoItem().after(timeout).recoverWithItem((String) null)
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("recommendation cache read of %s failed: %s", customerId, failure.toString());
                    return null;
                });
    }

    public Uni<Void> put(String customerId, Scene scene, String json, Duration ttl) {
        return values.setex(key(customerId, scene), ttl.toSeconds(), json)
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("recommendation cache write of %s failed: %s", customerId, failure.toString());
                    return null;
                });
    }

    /** Drops every scene of the customer. A failure is logged: the entry then expires with its TTL. */
    public Uni<Void> invalidate(String customerId) {
        String[] all = Arrays.stream(Scene.values()).map(scene -> key(customerId, scene)).toArray(String[]::new);
        return keys.del(all).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("cached recommendations of %s not dropped (%s); they expire with their TTL", customerId,
                            failure.toString());
                    return null;
                });
    }

    private String key(String customerId, Scene scene) {
        return keyspace.key("recs", customerId, scene.wire());
    }
}

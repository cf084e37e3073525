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
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    private final ReactiveHashCommands<String, String, String> hashes;
    private final RedisKeys keyspace;
    private final Duration timeout;

    public RecommendationCache(ReactiveRedisDataSource redis, RedisKeys keyspace, ServingConfig config) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.hashes = redis.hash(String.class);
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

    /**
     * Remembers which model produced each item of a response ({@code served:<recommendationId>}, a HASH item →
     * {@code model|scene}), so impression and click events can be credited to the model. Failures are logged: the
     * events then count under model {@code unknown}.
     */
    public Uni<Void> rememberServed(UUID recommendationId, String scene, List<RecommendedItem> items,
                                    Duration ttl) {
        if (items.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> models = new HashMap<>();
        items.forEach(item -> models.put(item.itemId(), item.model() + "|" + scene));
        String key = servedKey(recommendationId.toString());
        return hashes.hset(key, models).chain(() -> keys.expire(key, ttl)).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    Log.debugf("served recommendation %s not remembered: %s", recommendationId, failure.toString());
                    return null;
                });
    }

    /** The {@code model|scene} that served an item of a response, or null if forgotten (or Redis failed). */
    public Uni<String> servedBy(String recommendationId, String itemId) {
        return hashes.hget(servedKey(recommendationId), itemId)
                .ifNoItem().after(timeout).recoverWithItem((String) null)
                .onFailure().recoverWithItem((String) null);
    }

    private String servedKey(String recommendationId) {
        return keyspace.key("served", recommendationId);
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

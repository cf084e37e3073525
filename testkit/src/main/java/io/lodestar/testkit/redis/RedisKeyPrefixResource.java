package io.lodestar.testkit.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.lodestar.testkit.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Gives a {@code @QuarkusTest} the machine's Redis with a key prefix unique to this application start
 * ({@code lodestar.redis.key-prefix}), and removes every key under that prefix afterwards (SCAN, never KEYS).
 */
public class RedisKeyPrefixResource implements QuarkusTestResourceLifecycleManager {

    static final String HOW_TO_START = "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 "
            + "--save \"\" --appendonly no";

    private String prefix;

    public static String redisUrl() {
        return "redis://" + LocalInfrastructure.redisHost() + ":" + LocalInfrastructure.redisPort();
    }

    @Override
    public Map<String, String> start() {
        LocalInfrastructure.requireReachable("Redis", LocalInfrastructure.redisHost(),
                LocalInfrastructure.redisPort(), HOW_TO_START);
        prefix = "lodestar-test-" + UUID.randomUUID() + ":";
        return Map.of("quarkus.redis.hosts", redisUrl(), "lodestar.redis.key-prefix", prefix);
    }

    @Override
    public void stop() {
        if (prefix != null) {
            deleteKeysWithPrefix(prefix);
            prefix = null;
        }
    }

    /** Deletes every key that starts with {@code prefix}; returns how many were removed. */
    public static long deleteKeysWithPrefix(String prefix) {
        Vertx vertx = Vertx.vertx();
        try {
            RedisAPI redis = RedisAPI.api(Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl())));
            long deleted = 0;
            String cursor = "0";
            do {
                Response page = await(redis.scan(List.of(cursor, "MATCH", prefix + "*", "COUNT", "500")));
                cursor = page.get(0).toString();
                Response keys = page.get(1);
                if (keys.size() > 0) {
                    List<String> args = new ArrayList<>();
                    keys.forEach(key -> args.add(key.toString()));
                    deleted += await(redis.unlink(args)).toLong();
                }
            } while (!"0".equals(cursor));
            redis.close();
            return deleted;
        } finally {
            vertx.close();
        }
    }

    /** Runs one Redis command from a test thread (never an event loop) and returns its answer. */
    public static Response command(Command command, String... args) {
        Vertx vertx = Vertx.vertx();
        try {
            Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(redisUrl()));
            Request request = Request.cmd(command);
            for (String arg : args) {
                request.arg(arg);
            }
            Response response = await(client.send(request));
            client.close();
            return response;
        } finally {
            vertx.close();
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Redis at " + redisUrl() + " failed: " + e.getMessage(), e);
        }
    }
}
